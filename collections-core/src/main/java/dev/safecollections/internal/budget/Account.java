package dev.safecollections.internal.budget;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One member's share of a {@link SharedBudget}: the bytes it holds, its minimum and maximum
 * share and the entries the budget made it evict. It refers to its collection weakly, so the
 * budget never keeps a member alive; once the collection is unreachable the budget takes the
 * account back with its bytes. Thread-safe and lock-free. Not part of the public API.
 */
public final class Account extends WeakReference<BudgetMember> implements Ledger {
  /** The value of {@link #used} once the account has left its budget. */
  static final long CLOSED = Long.MIN_VALUE;

  final SharedBudget budget;
  final String name;
  final boolean threadSafe;
  final boolean rejects;
  final long minimumBytes;
  final long maximumBytes;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();

  Account(SharedBudget budget, BudgetMember member, String name, boolean threadSafe,
      boolean rejects, long minimumBytes, long maximumBytes) {
    super(member, budget.queue);
    this.budget = budget;
    this.name = name;
    this.threadSafe = threadSafe;
    this.rejects = rejects;
    this.minimumBytes = minimumBytes;
    this.maximumBytes = maximumBytes;
  }

  @Override
  public void charge(long bytes) {
    if (bytes != 0 && add(used, bytes)) {
      budget.add(bytes);
    }
  }

  /**
   * Charges {@code bytes} only if this member's maximum share and the budget both have room for
   * them, atomically with respect to other reservations; for members that reject at the bound.
   */
  public boolean tryReserve(long bytes) {
    if (bytes <= 0) {
      charge(bytes);
      return true;
    }
    for (;;) {
      long u = used.get();
      if (u == CLOSED) {
        return true;
      }
      if (u + bytes > maximumBytes) {
        return false;
      }
      if (!budget.tryReserve(bytes)) {
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
      budget.add(-bytes);
    }
  }

  @Override
  public void settle() {
    budget.settle(this);
  }

  /** The bytes this member holds now. */
  public long usedBytes() {
    long u = used.get();
    return (u == CLOSED) ? 0 : u;
  }

  /** The budget's limit, or this member's maximum share of it if smaller. */
  public long maximumBytes() {
    return maximumBytes;
  }

  /**
   * The message of a write this member refused because the budget, or its maximum share, has no
   * room for {@code needed} more bytes.
   */
  public String fullMessage(long needed) {
    return name + " is full: its budget " + budget.name() + " has " + budget.usedBytes()
        + " of " + budget.limit() + " bytes in use (" + usedBytes() + " by this member, at most "
        + maximumBytes + "), " + needed + " more needed";
  }

  /** The member's name. */
  public String name() {
    return name;
  }

  /** Its guaranteed share in bytes. */
  public long minimumBytes() {
    return minimumBytes;
  }

  /** Counts one entry evicted to make room in the budget. */
  public void recordEviction() {
    evictions.incrementAndGet();
  }

  /** Entries the budget made this member evict. */
  public long evictionCount() {
    return evictions.get();
  }

  public SharedBudget budget() {
    return budget;
  }

  /** Asks the member, if it is still reachable, to free at least {@code bytes}. */
  long evict(long bytes) {
    BudgetMember member = get();
    return (member == null) ? 0 : member.evictForBudget(bytes);
  }

  /** Leaves the budget; returns the bytes held, which the caller gives back. */
  long close() {
    long u = used.getAndSet(CLOSED);
    return (u == CLOSED) ? 0 : u;
  }

  /** Adds to a counter unless it is {@link #CLOSED}; false if it is. */
  static boolean add(AtomicLong counter, long delta) {
    for (;;) {
      long u = counter.get();
      if (u == CLOSED) {
        return false;
      }
      if (counter.compareAndSet(u, u + delta)) {
        return true;
      }
    }
  }
}

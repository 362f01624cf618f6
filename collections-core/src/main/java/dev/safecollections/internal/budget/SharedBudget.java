package dev.safecollections.internal.budget;

import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The state behind a {@code MemoryBudget}: a byte limit, the bytes its members hold and the
 * members themselves.
 *
 * <h2>Design</h2>
 *
 * <p><b>Accounting.</b> Each member charges the estimated bytes of what it stores and releases
 * them as entries leave, on its own {@link Account} and on this budget's total, both atomic
 * counters: no lock on any write. Members that evict at the bound charge first and
 * {@link #settle} afterwards, outside their own locks; members that reject reserve with a CAS
 * that never passes the limit ({@link #tryReserve}).
 *
 * <p><b>Freeing room.</b> {@code settle} runs on the writer's thread until the total is within
 * the limit. A writer above its own maximum share first evicts from itself. Then, while the
 * total is over, it evicts from the member furthest above its fair share: the limit divided
 * among the members, raised to a member's minimum share and capped at its maximum. Candidates
 * are the writer itself and every other member that is thread-safe, evicts rather than rejects,
 * and holds more than its minimum share: a single-threaded member is never touched from another
 * thread, it gives bytes back on its own writes. A victim that frees nothing is skipped for the
 * rest of the call. Choosing costs one pass over the members.
 *
 * <p><b>Overshoot.</b> Between a charge and its settle the total may exceed the limit by what
 * the writers in flight are storing: at most one entry (or one growth of a nested collection)
 * per writer thread. Each charge is followed by its writer's settle, which returns only once it
 * has seen the total within the limit or found nothing it may evict; so once writers have
 * returned the total is within the limit, unless the excess is held by members it may not
 * touch (single-threaded members of other threads, or members that reject), which is the
 * documented exception.
 *
 * <p><b>Members that become unreachable.</b> Accounts are weak references to their members,
 * registered with a queue; every charge that settles, every reservation and every metrics read
 * drains the queue and gives the bytes of collected members back.
 *
 * <p>Thread-safe. Membership changes (join, expunge) take this object's monitor; accounting
 * never does. Not part of the public API.
 */
public final class SharedBudget {
  final ReferenceQueue<BudgetMember> queue = new ReferenceQueue<>();
  private final String name;
  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private volatile Account[] members = new Account[0];
  private final Supplier<?> publicMetrics;
  private long departedEvictions;

  /** {@code publicMetrics} makes the public snapshot that members add to their own metrics. */
  public SharedBudget(String name, long limit, Supplier<?> publicMetrics) {
    this.name = name;
    this.limit = limit;
    this.publicMetrics = publicMetrics;
  }

  /** The public {@code BudgetMetrics} of this budget now. */
  public Object publicMetrics() {
    return publicMetrics.get();
  }

  public String name() {
    return name;
  }

  public long limit() {
    return limit;
  }

  /** The bytes all members hold, after giving back those of collected members. */
  public long usedBytes() {
    expungeCollected();
    return used.get();
  }

  public int memberCount() {
    expungeCollected();
    return members.length;
  }

  /**
   * Adds a member. Its minimum share is guaranteed against other members' evictions; its
   * maximum share caps what it may hold.
   *
   * @throws IllegalStateException if the minimum shares of the live members would add up to
   *     more than the limit
   */
  public synchronized Account join(BudgetMember member, String memberName, boolean threadSafe,
      boolean rejects, double minimumShare, double maximumShare) {
    expungeCollected();
    long minimumBytes = (long) (minimumShare * limit);
    long maximumBytes = Math.max(1, (long) (maximumShare * limit));
    long reserved = minimumBytes;
    for (Account a : members) {
      reserved += a.minimumBytes;
    }
    if (reserved > limit) {
      throw new IllegalStateException("minimum shares of " + name + " would add up to "
          + reserved + " bytes, more than its limit of " + limit + ": " + memberName
          + " asks for " + minimumBytes);
    }
    Account account = new Account(this, member, memberName, threadSafe, rejects, minimumBytes,
        maximumBytes);
    Account[] grown = Arrays.copyOf(members, members.length + 1);
    grown[members.length] = account;
    members = grown;
    return account;
  }

  void add(long bytes) {
    used.addAndGet(bytes);
  }

  boolean tryReserve(long bytes) {
    expungeCollected();
    for (;;) {
      long u = used.get();
      if (u + bytes > limit) {
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
    }
  }

  /** Frees room for a writer until the total is within the limit; see the class comment. */
  void settle(Account writer) {
    expungeCollected();
    if (!writer.rejects) {
      long overShare = writer.usedBytes() - writer.maximumBytes;
      while (overShare > 0 && writer.evict(overShare) > 0) {
        overShare = writer.usedBytes() - writer.maximumBytes;
      }
    }
    List<Account> skipped = null;
    for (long over = used.get() - limit; over > 0; over = used.get() - limit) {
      Account victim = victim(writer, skipped);
      if (victim == null) {
        return;
      }
      long ask = (victim == writer) ? over
          : Math.min(over, victim.usedBytes() - victim.minimumBytes);
      if (victim.evict(ask) <= 0) {
        if (skipped == null) {
          skipped = new ArrayList<>(2);
        }
        skipped.add(victim);
      }
    }
  }

  /** The member furthest above its fair share among those the writer may evict from. */
  private Account victim(Account writer, List<Account> skipped) {
    Account[] all = members;
    long fair = limit / Math.max(1, all.length);
    Account best = null;
    long bestExcess = Long.MIN_VALUE;
    if (!writer.rejects && !contains(skipped, writer) && writer.usedBytes() > 0) {
      best = writer;
      bestExcess = writer.usedBytes() - fairShare(writer, fair);
    }
    for (Account a : all) {
      if (a == writer || !a.threadSafe || a.rejects || contains(skipped, a)) {
        continue;
      }
      long held = a.usedBytes();
      if (held <= a.minimumBytes) {
        continue;
      }
      long excess = held - fairShare(a, fair);
      if (excess > bestExcess) {
        best = a;
        bestExcess = excess;
      }
    }
    return best;
  }

  private static long fairShare(Account a, long fair) {
    return Math.min(a.maximumBytes, Math.max(a.minimumBytes, fair));
  }

  private static boolean contains(List<Account> list, Account a) {
    return list != null && list.contains(a);
  }

  /** Gives back the bytes of members that were garbage collected. */
  void expungeCollected() {
    if (queue.poll() == null) {
      return;
    }
    synchronized (this) {
      List<Account> gone = new ArrayList<>();
      for (Account a : members) {
        if (a.refersTo(null)) {
          gone.add(a);
        }
      }
      while (queue.poll() != null) {
        // drained: the scan above found every collected member
      }
      if (gone.isEmpty()) {
        return;
      }
      List<Account> kept = new ArrayList<>(Arrays.asList(members));
      kept.removeAll(gone);
      members = kept.toArray(new Account[0]);
      for (Account a : gone) {
        used.addAndGet(-a.close());
        departedEvictions += a.evictionCount();
      }
    }
  }

  /** The live members, in the order they joined. */
  public Account[] members() {
    expungeCollected();
    return members;
  }

  /** Evictions counted by members that have since left the budget. */
  public synchronized long departedEvictions() {
    return departedEvictions;
  }
}

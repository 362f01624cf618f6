package dev.safecollections;

import dev.safecollections.internal.Checks;
import dev.safecollections.internal.budget.SharedBudget;

/**
 * A byte limit that several collections share: the estimated bytes of all its members together
 * stay within it. Give the same budget to the builders of the collections that should share
 * it, with {@code budget(MemoryBudget)}; a builder with a budget needs no other bound.
 *
 * <pre>{@code
 * MemoryBudget caches = MemoryBudget.of("caches", 256L << 20);
 * ConcurrentBoundedMap<String, byte[]> thumbnails = SafeMaps.builder().budget(caches).build();
 * ConcurrentBoundedMap<String, byte[]> pages = SafeMaps.builder().budget(caches).build();
 * }</pre>
 *
 * <p><b>At the limit.</b> A write that takes the members past the limit frees room before it
 * returns, on the writer's thread. A member that evicts (the default overflow policy) first evicts
 * from itself if it holds more than its maximum share, then evicts, coldest entries first by the
 * member's own eviction order, from the member furthest above its fair share: the limit divided
 * equally among the members, raised to a member's minimum share and capped at its maximum ({@code
 * budgetShares(minimum, maximum)} on the builders). The writer itself is always a candidate; other
 * members are candidates if they are thread-safe, evict rather than reject, and hold more than
 * their minimum share, and they are asked only for what they hold above it (whole entries, so the
 * last may take them below it by less than one entry). A single-threaded member is never touched
 * from another thread: when it holds more than its fair share it gives the excess back on its own
 * next writes. A member built with {@link OverflowPolicy#REJECT} refuses a write that would take
 * the budget past its limit, with {@link CapacityExceededException}, and is never evicted from for
 * others.
 *
 * <p><b>Nested collections.</b> A map in a budget whose value is a safe map or set without a
 * budget of its own (concurrent, single-threaded, primitive or lock-free) counts that collection's
 * bytes as part of the entry, and re-weighs the entry whenever the inner collection grows or
 * shrinks; removing, replacing or evicting the entry gives the inner collection's bytes back. So a
 * {@code Map<Tenant, Map<Key, Value>>} in a budget is bounded as a whole: when the inner maps grow
 * past the limit, the outer map evicts its coldest tenants, whole. Other values (lists, queues,
 * any other object) are weighed once, when stored. To evict single entries across tenants instead,
 * give each inner map the budget itself: it is then a member, and the outer map counts it as its
 * shell only. See {@link SafeMapBuilder#budget(MemoryBudget)}.
 *
 * <p><b>Accuracy.</b> Bytes are estimates: the weigher's, by default {@link
 * Weigher#estimatingRetainedBytes()} (object headers, fields and arrays as a 64-bit JVM with
 * compressed references lays them out, sampling large collections). An entry is weighed when it
 * is stored and the same weight is given back when it leaves, so the weigher must weigh an entry
 * the same way while it is stored.
 *
 * <p><b>Threads.</b> Thread-safe, and accounting is lock-free: each write adds to two atomic
 * counters. Between a write and the room it frees, the total may exceed the limit by what the
 * writers in flight are storing (one entry, or one growth of a nested collection, per writer
 * thread); once writers have returned it is within the limit, except for bytes held by
 * single-threaded members of other threads. Choosing a member to evict from costs one pass over
 * the members, and happens only when the limit is reached.
 *
 * <p><b>Members that become unreachable</b> leave the budget and give their bytes back; this is
 * noticed at the budget's next write that reaches the limit, reservation or metrics read. The
 * budget holds its members weakly and never keeps one alive.
 */
public final class MemoryBudget {
  final SharedBudget shared;

  private MemoryBudget(String name, long bytes) {
    if (name == null) {
      name = "MemoryBudget@" + Integer.toHexString(System.identityHashCode(this));
    }
    shared = new SharedBudget(name, bytes, this::metrics);
  }

  /**
   * A budget of this many bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public static MemoryBudget of(long bytes) {
    Checks.requirePositive(bytes, "bytes");
    return new MemoryBudget(null, bytes);
  }

  /**
   * A named budget of this many bytes; the name appears in its metrics and error messages.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank or {@code bytes} is not positive
   */
  public static MemoryBudget of(String name, long bytes) {
    Checks.requireName(name);
    Checks.requirePositive(bytes, "bytes");
    return new MemoryBudget(name, bytes);
  }

  /** The name given to {@link #of(String, long)}, or a generated one. */
  public String name() {
    return shared.name();
  }

  /** The limit in bytes. */
  public long limit() {
    return shared.limit();
  }

  /** The estimated bytes all members hold now. */
  public long usedBytes() {
    return shared.usedBytes();
  }

  /** A snapshot of the limit, the bytes used and each member's bytes and evictions. */
  public BudgetMetrics metrics() {
    return new BudgetMetrics(shared);
  }

  /** As in {@code MemoryBudget{name=caches, limit=268435456, used=1024, members=2}}. */
  @Override
  public String toString() {
    return "MemoryBudget{name=" + name() + ", limit=" + limit() + ", used=" + usedBytes()
        + ", members=" + shared.memberCount() + "}";
  }
}

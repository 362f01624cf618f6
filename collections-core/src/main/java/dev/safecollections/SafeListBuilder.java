package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requirePositive;
import static dev.safecollections.internal.Checks.requireState;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Live;
import dev.safecollections.internal.Checks;
import dev.safecollections.internal.ring.RingSpec;
import dev.safecollections.internal.ring.Rings;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * Builds a {@link BoundedList}, or a primitive {@link BoundedLongList} or {@link BoundedIntList};
 * obtain one from {@link SafeLists#builder()}.
 *
 * <p>Rules, as {@link SafeMapBuilder}'s: each option may be set once (a second call throws
 * {@link IllegalStateException} naming the earlier value); a bad value throws {@link
 * IllegalArgumentException} naming it; checks that span options run in the {@code build}
 * methods, which do not change the builder. A builder is not thread-safe. A list must have a
 * bound: {@link #maximumSize(long)}, {@link #maximumBytes(long)}, a shared {@link
 * #budget(MemoryBudget)}, or a size with one of the others.
 *
 * @param <E> the element type of the lists this builder builds
 */
public final class SafeListBuilder<E> {
  private static final long UNSET = -1;

  private String name;
  private long maximumSize = UNSET;
  private long maximumBytes = UNSET;
  private OverflowPolicy overflowPolicy;
  private BiConsumer<? super E, RemovalCause> removalListener;
  private boolean recordMetrics;
  private int initialCapacity = (int) UNSET;
  private Duration expireAfterWrite;
  private Ticker ticker;
  private final BudgetSettings budget = new BudgetSettings();

  SafeListBuilder() {}

  /**
   * Bounds the list to this many elements. At the bound an insertion drops element 0 (the
   * oldest) or, under {@link OverflowPolicy#REJECT}, throws.
   *
   * @throws IllegalArgumentException if {@code maximumSize} is not positive
   * @throws IllegalStateException if the maximum size was already set
   */
  public SafeListBuilder<E> maximumSize(long maximumSize) {
    requireUnset(this.maximumSize == UNSET ? null : this.maximumSize, "maximum size");
    this.maximumSize = requirePositive(maximumSize, "maximum size");
    return this;
  }

  /**
   * Bounds the list by the estimated retained bytes of its elements, weighed by the estimator
   * the maps use ({@link Weigher#estimatingRetainedBytes()}, without the map entry's overhead)
   * when an element is added or set. An insertion that would pass the bound drops elements from
   * the head until it fits, or under {@link OverflowPolicy#REJECT} throws; an element heavier
   * than the whole bound is refused under REJECT and otherwise dropped at once (cause {@code
   * SIZE}), leaving the others in place. May be combined with a maximum size: both hold.
   * Object lists only.
   *
   * @throws IllegalArgumentException if {@code maximumBytes} is not positive
   * @throws IllegalStateException if the maximum bytes were already set
   */
  public SafeListBuilder<E> maximumBytes(long maximumBytes) {
    requireUnset(this.maximumBytes == UNSET ? null : this.maximumBytes, "maximum bytes");
    this.maximumBytes = requirePositive(maximumBytes, "maximum bytes");
    return this;
  }

  /**
   * Expires each element this long after it was added. Expired elements are never returned by
   * any method and are reclaimed while the list is idle, by the one shared sweeper thread (which
   * reaches the list only weakly and never keeps it alive) at the earliest deadline, sweeping one
   * list at most every 50 ms.
   * {@code set(i, e)} keeps the expiry time of the element it replaces. An expiring list takes an
   * uncontended lock on every call so that the sweeper can reach it; inserting in the middle
   * makes its reclamation a linear scan. Object lists only.
   *
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero or negative
   * @throws IllegalStateException if expire-after-write was already set
   */
  public SafeListBuilder<E> expireAfterWrite(Duration ttl) {
    requireUnset(expireAfterWrite, "expire after write");
    expireAfterWrite = Checks.requirePositive(ttl, "ttl");
    return this;
  }

  /**
   * Reads time for expiry from this ticker instead of {@link System#nanoTime()}; for tests.
   *
   * @throws NullPointerException if {@code ticker} is null
   * @throws IllegalStateException if a ticker was already set
   */
  public SafeListBuilder<E> ticker(Ticker ticker) {
    requireNonNull(ticker, "ticker");
    requireUnset(this.ticker, "ticker");
    this.ticker = ticker;
    return this;
  }

  /**
   * Sets what happens when an insertion would take the list past its bound:
   * {@link OverflowPolicy#EVICT} (the default: drop element 0, the oldest) or
   * {@link OverflowPolicy#REJECT}.
   *
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the overflow policy was already set
   */
  public SafeListBuilder<E> overflowPolicy(OverflowPolicy policy) {
    requireNonNull(policy, "policy");
    requireUnset(overflowPolicy, "overflow policy");
    overflowPolicy = policy;
    return this;
  }

  /**
   * Tells this listener of every element that leaves the list, with its {@link RemovalCause}:
   * {@code EXPLICIT} for removals and {@code clear()}, {@code REPLACED} for {@code set}, {@code
   * SIZE} for elements dropped at the bound. It runs on the calling thread after the list is
   * updated; an exception it throws is logged and never corrupts the list. Object lists only:
   * the primitive lists would box every element for it.
   *
   * @throws NullPointerException if {@code listener} is null
   * @throws IllegalStateException if a removal listener was already set
   */
  public <E1 extends E> SafeListBuilder<E1> removalListener(
      BiConsumer<? super E1, RemovalCause> listener) {
    requireNonNull(listener, "listener");
    requireUnset(removalListener, "removal listener");
    @SuppressWarnings("unchecked")
    SafeListBuilder<E1> self = (SafeListBuilder<E1>) this;
    self.removalListener = listener;
    return self;
  }

  /**
   * Names the list in its metrics and {@code toString}.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   * @throws IllegalStateException if a name was already set
   */
  public SafeListBuilder<E> name(String name) {
    Checks.requireName(name);
    requireUnset(this.name, "name");
    this.name = name;
    return this;
  }

  /**
   * Keeps exact counters (insertions, removals by cause, rejections, shrinks) for {@link
   * SafeCollection#metrics()}.
   *
   * @throws IllegalStateException if metrics recording was already turned on
   */
  public SafeListBuilder<E> recordMetrics() {
    requireState(!recordMetrics, "metrics recording was already turned on");
    recordMetrics = true;
    return this;
  }

  /**
   * Presizes the array for this many elements, clamped to the maximum size, so a presize never
   * allocates beyond the bound.
   *
   * @throws IllegalArgumentException if {@code initialCapacity} is negative
   * @throws IllegalStateException if the initial capacity was already set
   */
  public SafeListBuilder<E> initialCapacity(int initialCapacity) {
    requireUnset(this.initialCapacity == UNSET ? null : this.initialCapacity, "initial capacity");
    this.initialCapacity = (int) Checks.requireNonNegative(initialCapacity, "initial capacity");
    return this;
  }

  /**
   * Makes the list a member of this shared budget: it is bounded by bytes as {@link
   * #maximumBytes(long)} describes, its byte bound being its maximum share, and the bytes of all
   * the budget's members together stay within the limit (see {@link MemoryBudget}). The list is
   * not thread-safe, so it joins as a single-threaded member: other members never make it drop
   * elements; when the budget is over its limit, the list's own writes drop its oldest elements.
   * May be combined with {@link #maximumSize(long)}, not with {@link #maximumBytes(long)}.
   *
   * @throws NullPointerException if {@code budget} is null
   * @throws IllegalStateException if a budget was already set
   */
  public SafeListBuilder<E> budget(MemoryBudget budget) {
    this.budget.budget(budget);
    return this;
  }

  /**
   * Sets this list's shares of its {@link #budget(MemoryBudget)}; see {@link
   * SafeMapBuilder#budgetShares(double, double)}.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1], {@code maximumShare} is 0, or
   *     {@code minimumShare} is greater than {@code maximumShare}
   * @throws IllegalStateException if the shares were already set
   */
  public SafeListBuilder<E> budgetShares(double minimumShare, double maximumShare) {
    budget.shares(minimumShare, maximumShare);
    return this;
  }

  /**
   * Builds a list of references.
   *
   * @throws IllegalStateException if no maximum size was set or it is above
   *     {@code Integer.MAX_VALUE - 8}
   */
  public <E1 extends E> BoundedList<E1> build() {
    RingSpec spec = spec(false);
    if (expireAfterWrite == null && maximumBytes == UNSET && !budget.isSet()) {
      return Live.track(name, recordMetrics, Rings.list(spec));
    }
    return Live.track(name, recordMetrics, Rings.managedList(spec,
        (expireAfterWrite == null) ? Long.MAX_VALUE : Checks.saturatedNanos(expireAfterWrite),
        (ticker != null) ? ticker : Ticker.systemTicker(), maximumBytes,
        budget.membership()));
  }

  /**
   * Builds a list of {@code long}s that never boxes.
   *
   * @throws IllegalStateException as {@link #build()}, or if a removal listener or expiry was set
   */
  public BoundedLongList buildLongs() {
    return Live.track(name, recordMetrics, Rings.longList(spec(true)));
  }

  /**
   * Builds a list of {@code int}s that never boxes.
   *
   * @throws IllegalStateException as {@link #build()}, or if a removal listener or expiry was set
   */
  public BoundedIntList buildInts() {
    return Live.track(name, recordMetrics, Rings.intList(spec(true)));
  }

  private RingSpec spec(boolean primitive) {
    requireState(maximumSize != UNSET || maximumBytes != UNSET || budget.isSet(), "no bound was "
        + "set: call maximumSize(long), maximumBytes(long) or budget(MemoryBudget), as in "
        + "SafeLists.builder().maximumSize(10_000).build()");
    budget.check(maximumBytes, "list");
    requireState(!primitive || !budget.isSet(), "primitive lists cannot join a budget ("
        + budget + "): bound them by maximumSize(long)");
    requireState(maximumSize <= Checks.MAX_ARRAY_SIZE,
        "maximum size of a list must be at most " + Checks.MAX_ARRAY_SIZE + ": " + maximumSize);
    requireState(!primitive || removalListener == null, "a removal listener takes boxed "
        + "elements: primitive lists do not accept one, use build()");
    requireState(!primitive || expireAfterWrite == null, "primitive lists do not expire "
        + "elements (expire after write " + expireAfterWrite + "): use build()");
    requireState(!primitive || maximumBytes == UNSET, "primitive lists are bounded by "
        + "maximumSize(long), not maximum bytes (" + maximumBytes + ")");
    long bound = (maximumSize != UNSET) ? maximumSize : Checks.MAX_ARRAY_SIZE;
    return new RingSpec(name, (int) bound, overflowPolicy == OverflowPolicy.REJECT,
        removalListener, recordMetrics, (int) Math.min(initialCapacity, bound));
  }

  /** The options that were set, as in {@code SafeListBuilder{maximumSize=100}}. */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "SafeListBuilder{", "}");
    if (name != null) {
      s.add("name=" + name);
    }
    if (maximumSize != UNSET) {
      s.add("maximumSize=" + maximumSize);
    }
    if (maximumBytes != UNSET) {
      s.add("maximumBytes=" + maximumBytes);
    }
    if (expireAfterWrite != null) {
      s.add("expireAfterWrite=" + expireAfterWrite);
    }
    if (overflowPolicy != null) {
      s.add("overflowPolicy=" + overflowPolicy);
    }
    if (removalListener != null) {
      s.add("removalListener");
    }
    if (recordMetrics) {
      s.add("recordMetrics");
    }
    if (initialCapacity != UNSET) {
      s.add("initialCapacity=" + initialCapacity);
    }
    if (ticker != null) {
      s.add("ticker");
    }
    budget.describe(s);
    return s.toString();
  }
}

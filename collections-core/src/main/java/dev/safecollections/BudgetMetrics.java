package dev.safecollections;

import dev.safecollections.internal.budget.Account;
import dev.safecollections.internal.budget.SharedBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of a {@link MemoryBudget}: its limit, the bytes its members hold and,
 * per member, its bytes, shares and the entries the budget made it evict. Each number is read
 * atomically on its own while writers may be running, so under writes the members' bytes need
 * not add up exactly to {@link #usedBytes()}. Thread-safe; compared by value.
 */
public final class BudgetMetrics {
  private final String name;
  private final long limit;
  private final long usedBytes;
  private final long evictionCount;
  private final List<Member> members;

  BudgetMetrics(SharedBudget budget) {
    this.name = budget.name();
    this.limit = budget.limit();
    Account[] accounts = budget.members();
    long evictions = budget.departedEvictions();
    List<Member> list = new ArrayList<>(accounts.length);
    for (Account a : accounts) {
      Member m = new Member(a.name(), a.usedBytes(), a.minimumBytes(), a.maximumBytes(),
          a.evictionCount());
      evictions += m.evictionCount;
      list.add(m);
    }
    this.usedBytes = budget.usedBytes();
    this.evictionCount = evictions;
    this.members = Collections.unmodifiableList(list);
  }

  /** The budget's name. */
  public String name() {
    return name;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }

  /** The estimated bytes all members held. */
  public long usedBytes() {
    return usedBytes;
  }

  /** The live members. */
  public int memberCount() {
    return members.size();
  }

  /** Entries evicted to keep the budget (or a member's maximum share), members gone included. */
  public long evictionCount() {
    return evictionCount;
  }

  /** Each live member, in the order they joined. */
  public List<Member> members() {
    return members;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof BudgetMetrics)) {
      return false;
    }
    BudgetMetrics m = (BudgetMetrics) o;
    return name.equals(m.name) && limit == m.limit && usedBytes == m.usedBytes
        && evictionCount == m.evictionCount && members.equals(m.members);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, limit, usedBytes, evictionCount, members);
  }

  @Override
  public String toString() {
    return "BudgetMetrics{name=" + name + ", limit=" + limit + ", used=" + usedBytes
        + ", members=" + members.size() + ", evictions=" + evictionCount + "}";
  }

  /** One member's numbers. */
  public static final class Member {
    private final String name;
    private final long usedBytes;
    private final long minimumBytes;
    private final long maximumBytes;
    private final long evictionCount;

    Member(String name, long usedBytes, long minimumBytes, long maximumBytes,
        long evictionCount) {
      this.name = name;
      this.usedBytes = usedBytes;
      this.minimumBytes = minimumBytes;
      this.maximumBytes = maximumBytes;
      this.evictionCount = evictionCount;
    }

    /** The member collection's name. */
    public String name() {
      return name;
    }

    /** The estimated bytes it held. */
    public long usedBytes() {
      return usedBytes;
    }

    /** Its guaranteed share in bytes: other members never make it evict below this. */
    public long minimumBytes() {
      return minimumBytes;
    }

    /** Its maximum share in bytes (the limit if none was set). */
    public long maximumBytes() {
      return maximumBytes;
    }

    /** Entries the budget made it evict. */
    public long evictionCount() {
      return evictionCount;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Member)) {
        return false;
      }
      Member m = (Member) o;
      return name.equals(m.name) && usedBytes == m.usedBytes && minimumBytes == m.minimumBytes
          && maximumBytes == m.maximumBytes && evictionCount == m.evictionCount;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, usedBytes, minimumBytes, maximumBytes, evictionCount);
    }

    @Override
    public String toString() {
      return name + "{used=" + usedBytes + ", evictions=" + evictionCount + "}";
    }
  }
}

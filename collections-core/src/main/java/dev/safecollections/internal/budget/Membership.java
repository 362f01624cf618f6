package dev.safecollections.internal.budget;

/**
 * The budget settings of a builder: which budget, and the member's minimum and maximum shares
 * of it (fractions of its limit). Immutable. Not part of the public API.
 */
public final class Membership {
  private final SharedBudget budget;
  private final double minimumShare;
  private final double maximumShare;

  public Membership(SharedBudget budget, double minimumShare, double maximumShare) {
    this.budget = budget;
    this.minimumShare = minimumShare;
    this.maximumShare = maximumShare;
  }

  public SharedBudget budget() {
    return budget;
  }

  /** Joins the budget for a newly built collection. */
  public Account join(BudgetMember member, String name, boolean threadSafe, boolean rejects) {
    return budget.join(member, name, threadSafe, rejects, minimumShare, maximumShare);
  }

  /** The largest number of bytes the member may hold. */
  public long maximumBytes() {
    return Math.max(1, (long) (maximumShare * budget.limit()));
  }
}

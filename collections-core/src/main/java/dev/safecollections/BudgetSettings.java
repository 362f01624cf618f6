package dev.safecollections;

import static dev.safecollections.internal.Checks.requireNonNull;
import static dev.safecollections.internal.Checks.requireState;
import static dev.safecollections.internal.Checks.requireUnset;

import dev.safecollections.internal.Checks;
import dev.safecollections.internal.budget.Membership;
import java.util.StringJoiner;

/**
 * The budget options that the map and list builders share: the budget and the member's shares,
 * with their checks. Not thread-safe, like the builders.
 */
final class BudgetSettings {
  private MemoryBudget budget;
  private double minimumShare = -1;
  private double maximumShare = -1;

  void budget(MemoryBudget b) {
    requireNonNull(b, "budget");
    requireUnset(budget, "budget");
    budget = b;
  }

  void shares(double minimum, double maximum) {
    requireUnset(minimumShare < 0 ? null : minimumShare + ".." + maximumShare, "budget shares");
    Checks.requireShares(minimum, maximum);
    minimumShare = minimum;
    maximumShare = maximum;
  }

  boolean isSet() {
    return budget != null;
  }

  /**
   * Checks the budget against a byte bound set on the same builder ({@code maximumBytes}, or
   * {@code -1}) and that shares come with a budget.
   */
  void check(long maximumBytes, String what) {
    requireState(budget == null || maximumBytes < 0,
        "maximum bytes (" + maximumBytes + ") and a budget (" + budget + ") cannot be "
            + "combined: cap the " + what + "'s part of the budget with budgetShares(double, "
            + "double)");
    requireState(budget != null || minimumShare < 0,
        "budget shares need budget(MemoryBudget) to share");
  }

  /** The membership a built collection joins with, or null without a budget. */
  Membership membership() {
    return (budget == null) ? null : new Membership(budget.shared, Math.max(0, minimumShare),
        (maximumShare < 0) ? 1 : maximumShare);
  }

  void describe(StringJoiner s) {
    if (budget != null) {
      s.add("budget=" + budget.name());
    }
    if (minimumShare >= 0) {
      s.add("budgetShares=" + minimumShare + ".." + maximumShare);
    }
  }

  @Override
  public String toString() {
    return String.valueOf(budget);
  }
}

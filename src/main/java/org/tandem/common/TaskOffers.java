package org.tandem.common;

/**
 * A task a product operation offers beyond its model, for a reason the product states: when a sponsor withdraws their
 * consent, the goals agreement waiting for them passes to the coordinators. The operation records the group in the
 * task's local variable {@link #ALSO_OFFERED_TO}, which no person can write (variables change only through forms), and
 * the assignment rules then count that group among the task's people.
 */
public final class TaskOffers {

  /** A task's local variable naming the one group a product operation also offered the task to. */
  public static final String ALSO_OFFERED_TO = "alsoOfferedTo";

  private TaskOffers() {
  }
}

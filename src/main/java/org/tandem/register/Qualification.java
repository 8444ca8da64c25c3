package org.tandem.register;

/** A coaching or mentoring qualification as a profile declares it (REG-3). */
public enum Qualification {
  ILM_LEVEL_7,
  ILM_LEVEL_5,
  EQUIVALENT,
  IN_TRAINING,
  NONE;

  /** REG-1: ILM Level 5 or above, or equivalent, admits a coach without a competency interview. */
  public boolean admitsCoach() {
    return this == ILM_LEVEL_7 || this == ILM_LEVEL_5 || this == EQUIVALENT;
  }
}

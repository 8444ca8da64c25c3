package org.tandem.relationship;

/**
 * What falls due after a session: the first-meeting decision (GO-1), the middle evaluations (EVA-1) and a review
 * (REV-1). Reviews come after every {@code reviewEvery} sessions and after the last session the contract in force
 * covers.
 */
final class SessionPolicy {

  /** What is due after the session just held. */
  record AfterSession(int held, boolean firstMeeting, boolean middleEvaluationsDue, boolean reviewDue) {
  }

  private SessionPolicy() {
  }

  /**
   * @param held sessions held so far, this one included
   * @param firstContractSessions sessions agreed in the first contract: its middle is when the middle evaluations
   *     fall due
   * @param lastAgreedSession the last session the contract in force covers
   * @param middleDone whether the middle evaluations were already invited
   * @param firstMeetingDecided whether coach and client already decided after the first meeting
   */
  static AfterSession after(int held, int firstContractSessions, int lastAgreedSession, int reviewEvery,
      boolean middleDone, boolean firstMeetingDecided) {
    boolean firstMeeting = held == 1 && !firstMeetingDecided;
    boolean middle = !middleDone && held >= (firstContractSessions + 1) / 2;
    boolean review = held % reviewEvery == 0 || held >= lastAgreedSession;
    return new AfterSession(held, firstMeeting, middle, review);
  }
}

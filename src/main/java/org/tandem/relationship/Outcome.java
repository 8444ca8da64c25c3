package org.tandem.relationship;

/** How a relationship ended. */
enum Outcome {
  /** Concluded at a review: the goals were met or it was otherwise agreed (REV-1, REV-3). */
  COMPLETED,
  /** Ended early by the coach or the client, with a reason (END-1). */
  ENDED_EARLY,
  /** Stopped after the first meeting, on a no-fault basis; the client may be matched again (GO-1). */
  STOPPED_AT_FIRST_MEETING,
  /** Stopped because the coach or the client withdrew their consent or had their data erased (DP-1, DP-2). */
  WITHDRAWN
}

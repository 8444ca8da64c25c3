package org.tandem.common;

import java.util.List;

/**
 * The process variables that name a relationship or a person, declared once for every process that carries them.
 * Each process's variable facade refers to these; access grants (who a process belongs to) and erasure (every process
 * that has to do with a person) read the lists.
 */
public final class PartyVariables {

  public static final String RELATIONSHIP_ID = "relationshipId";
  public static final String COACH_ID = "coachId";
  public static final String CLIENT_ID = "clientId";
  public static final String SPONSOR_ID = "sponsorId";
  /** The coach or mentor a client chose from the shortlist, before they accept. */
  public static final String CHOSEN_COACH_ID = "chosenCoachId";
  /** Who applies to join the register. */
  public static final String APPLICANT_ID = "applicantId";
  /** Who answers an evaluation. */
  public static final String RESPONDENT_ID = "respondentId";
  /** Who raised a concern or an erasure request. */
  public static final String RAISED_BY = "raisedBy";
  /** Whose data an erasure request is about. */
  public static final String SUBJECT_ID = "subjectId";

  /**
   * The people a process belongs to: they see it and its history, and what still runs for them stops when they
   * withdraw. An evaluation belongs to its respondent alone (EVA-4), so {@link #RESPONDENT_ID}, where present, is its
   * only participant.
   */
  public static final List<String> PARTICIPANTS = List.of(COACH_ID, CLIENT_ID, APPLICANT_ID, RESPONDENT_ID, RAISED_BY);

  /** Every variable that names a person, to find every process that has to do with them. */
  public static final List<String> PEOPLE = List.of(COACH_ID, CLIENT_ID, SPONSOR_ID, APPLICANT_ID, RESPONDENT_ID,
      RAISED_BY, CHOSEN_COACH_ID, SUBJECT_ID);

  private PartyVariables() {
  }
}

package org.tandem.matching;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.tandem.common.InvalidInputException;
import org.tandem.common.ProcessVariables;
import org.tandem.common.Markdown;
import org.tandem.identity.People;

/** The variables of the {@code coaching-request} process and the keys of its forms. */
record MatchingVariables(VariableScope scope) implements ProcessVariables {

  static final String REQUEST_ID = "requestId";
  static final String CONSENT = "consent";
  static final String KIND = "kind";
  static final String DEVELOPMENT_NEED = "developmentNeed";
  static final String DRAFT_GOALS = "draftGoals";
  static final String PREFERRED_FORMAT = "preferredFormat";
  static final String PREFERRED_LOCATION = "preferredLocation";
  static final String PREFERRED_SPECIALISM = "preferredSpecialism";
  static final String ORGANISATION = "organisation";
  static final String LINE_MANAGERS = "lineManagers";
  static final String REQUEST_SUMMARY = "requestSummary";
  static final String SHORTLIST = "shortlist";
  static final String SHORTLIST_OPTIONS = "shortlistOptions";
  static final String SHORTLIST_SUMMARY = "shortlistSummary";
  static final String SHORTLIST_CANDIDATES = "shortlistCandidates";
  static final String ANYONE_ELIGIBLE = "anyoneEligible";
  static final String COACH_ANSWER = "coachAnswer";
  static final String ACCEPTED = "accepted";
  static final String FAILED_ATTEMPTS = "failedAttempts";
  static final String ATTEMPTS_LEFT = "attemptsLeft";
  static final String HAND_COACH_ID = "handCoachId";
  static final String HAND_OPTIONS = "handOptions";
  static final String SPONSOR_OPTIONS = "sponsorOptions";
  static final String HAND_SUMMARY = "handSummary";
  static final String MATCHED_COACH_ID = "matchedCoachId";

  MatchingService.RequestForm form() {
    String managers = values().text(LINE_MANAGERS);
    Set<String> lineManagers = managers == null ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(managers.split("[,\\s]+")));
    return new MatchingService.RequestForm(values().text(CLIENT_ID), values().flag(CONSENT), values().text(KIND),
        values().text(DEVELOPMENT_NEED), values().text(DRAFT_GOALS), values().text(PREFERRED_FORMAT),
        values().text(PREFERRED_LOCATION), values().text(PREFERRED_SPECIALISM), values().text(ORGANISATION),
        values().text(SPONSOR_ID), lineManagers);
  }

  String requestId() {
    return values().text(REQUEST_ID);
  }

  void requested(CoachingRequest request, String summary) {
    scope.setVariable(REQUEST_ID, request.id());
    scope.setVariable(KIND, request.kind().name());
    scope.setVariable(SPONSOR_ID, request.sponsorId());
    scope.setVariable(REQUEST_SUMMARY, summary);
  }

  void shortlist(List<Candidate> candidates) {
    scope.setVariable(SHORTLIST, Spin.JSON(candidates.stream().map(Candidate::coachId).toList()));
    scope.setVariable(SHORTLIST_OPTIONS, Spin.JSON(candidates.stream()
        .map(candidate -> Map.of("label", candidate.name(), "value", candidate.coachId())).toList()));
    StringBuilder summary = new StringBuilder();
    for (Candidate candidate : candidates) {
      summary.append("**").append(Markdown.text(candidate.name())).append("** — ")
          .append(Markdown.text(candidate.summary())).append("\n\n")
          .append("*Why:* ").append(Markdown.text(String.join("; ", candidate.reasons()))).append("\n\n");
    }
    scope.setVariable(SHORTLIST_SUMMARY, summary.toString());
    scope.setVariable(SHORTLIST_CANDIDATES, Spin.JSON(candidates));
    scope.setVariable(ANYONE_ELIGIBLE, !candidates.isEmpty());
    scope.removeVariable(CHOSEN_COACH_ID);
  }

  /** Whom the client may name as their sponsor (CON-5), for the choice's form. */
  void sponsorOptions(List<People.Person> sponsors) {
    scope.setVariable(SPONSOR_OPTIONS, Spin.JSON(sponsors.stream()
        .map(sponsor -> Map.of("label", sponsor.displayName(), "value", sponsor.id())).toList()));
  }

  /** Whom the coordinator may choose from to match by hand (MAT-3), and why each fits, for the form. */
  void handCandidates(List<Candidate> candidates) {
    scope.setVariable(HAND_OPTIONS, Spin.JSON(candidates.stream()
        .map(candidate -> Map.of("label", candidate.name() + " (" + candidate.organisation() + ")",
            "value", candidate.coachId())).toList()));
    StringBuilder summary = new StringBuilder();
    for (Candidate candidate : candidates) {
      summary.append("**").append(Markdown.text(candidate.name())).append("**: ")
          .append(Markdown.text(String.join("; ", candidate.reasons()))).append("\n\n");
    }
    scope.setVariable(HAND_SUMMARY, candidates.isEmpty()
        ? "Nobody on the register can take this client now: none is listed for this kind, free of a conflict of "
          + "interest and outside the client's line of management." : summary.toString());
  }

  List<String> shortlist() {
    Object value = values().raw(SHORTLIST);
    if (value == null) {
      return List.of();
    }
    return Spin.JSON(value.toString()).elements().stream().map(node -> node.stringValue()).toList();
  }

  String chosenCoachId() {
    return values().text(CHOSEN_COACH_ID);
  }

  /** The coach's answer to the client's choice (MAT-3): accept or decline, nothing else. */
  boolean accepted() {
    String answer = values().text(COACH_ANSWER);
    if (!"ACCEPT".equals(answer) && !"DECLINE".equals(answer)) {
      throw new InvalidInputException(COACH_ANSWER, "Choose whether to accept or decline the client.");
    }
    return "ACCEPT".equals(answer);
  }

  void answered(boolean accepted, int failed, boolean attemptsLeft) {
    scope.setVariable(ACCEPTED, accepted);
    scope.setVariable(FAILED_ATTEMPTS, failed);
    scope.setVariable(ATTEMPTS_LEFT, attemptsLeft);
    if (accepted) {
      scope.setVariable(MATCHED_COACH_ID, chosenCoachId());
    }
    scope.removeVariable(COACH_ANSWER);
  }

  String handCoachId() {
    return values().text(HAND_COACH_ID);
  }

  void matchedByHand(String coachId) {
    scope.setVariable(MATCHED_COACH_ID, coachId);
  }

  String matchedCoachId() {
    return values().text(MATCHED_COACH_ID);
  }
}

package org.tandem.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.tandem.common.FormValues;
import org.tandem.common.ProcessVariables;

/** The variables of the {@code cpd-annual-review} process and the keys of its form {@code cpd-evidence}. */
record CpdReviewVariables(VariableScope scope) implements ProcessVariables {

  /** The coaches short of CPD: each instance of {@code SubProcess_Evidence} has one as its {@link #COACH_ID}. */
  static final String COACHES_SHORT = "coachesShort";
  static final String CPD_COMPLIANT = "cpdCompliant";
  static final String CPD_SHORTFALLS = "cpdShortfalls";
  /** The dynamic list of the form: one item per piece of evidence, with the keys below. */
  static final String EVIDENCE = "evidence";
  static final String KIND = "kind";
  static final String OCCURRED_ON = "occurredOn";
  static final String HOURS = "hours";
  static final String DESCRIPTION = "description";

  /** The coaches the review asks for evidence, one instance of {@code SubProcess_Evidence} each. */
  void coachesShort(List<String> coaches) {
    scope.setVariable(COACHES_SHORT, Variables.objectValue(new ArrayList<>(coaches))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /** What the coach is short of, for their task, kept in the coach's own instance. */
  void reminded(Compliance compliance) {
    scope.setVariableLocal(CPD_SHORTFALLS, shortfalls(compliance));
    scope.setVariableLocal(CPD_COMPLIANT, compliance.compliant());
  }

  /** The entries the coach filled in, read one at a time as they are taken; blank items are left out. */
  Stream<CpdEntry> evidence() {
    return evidence(values());
  }

  static Stream<CpdEntry> evidence(FormValues values) {
    return values.list(EVIDENCE).stream().map(FormValues::of)
        .filter(entry -> entry.present(KIND) || entry.present(DESCRIPTION))
        .map(entry -> new CpdEntry(null,
            entry.requiredChoice(KIND, "the kind of evidence", CpdEntry.Kind.class),
            entry.requiredDate(OCCURRED_ON, "The date"),
            entry.present(HOURS) ? BigDecimal.valueOf(entry.optionalInteger(HOURS, "The hours")) : null,
            entry.text(DESCRIPTION), null));
  }

  /** The evidence is in the log, the form's list is emptied for the next round, and where the coach now stands. */
  void evidenceRecorded(Compliance compliance) {
    scope.removeVariable(EVIDENCE);
    checked(compliance);
  }

  /** Where the coach stands, for {@code Gateway_Compliant} and {@code Gateway_ShortAtDeadline}. */
  void checked(Compliance compliance) {
    scope.setVariable(CPD_COMPLIANT, compliance.compliant());
    scope.setVariable(CPD_SHORTFALLS, shortfalls(compliance));
  }

  private static String shortfalls(Compliance compliance) {
    return String.join("; ", compliance.shortfalls());
  }
}

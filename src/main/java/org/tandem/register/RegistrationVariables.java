package org.tandem.register;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.tandem.common.FormValues;
import org.tandem.common.InvalidInputException;
import org.tandem.common.ProcessVariables;
import org.tandem.contracting.SessionFormat;

/** The variables of the {@code coach-registration} process and the keys of its forms. */
record RegistrationVariables(VariableScope scope) implements ProcessVariables {

  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  static final String EMAIL = "email";
  static final String PHONE = "phone";
  static final String ORGANISATION = "organisation";
  static final String AS_COACH = "asCoach";
  static final String AS_MENTOR = "asMentor";
  static final String QUALIFICATION = "qualification";
  static final String QUALIFICATION_DETAILS = "qualificationDetails";
  static final String TRAINED_SUPERVISOR = "trainedSupervisor";
  static final String CHARGES_FEES = "chargesFees";
  static final String FEES = "fees";
  static final String SPECIALISMS = "specialisms";
  static final String FORMATS = "formats";
  static final String LOCATIONS = "locations";
  static final String CAPACITY = "capacity";
  static final String ETHICS_DECLARED = "ethicsDeclared";
  static final String CONSENT = "consent";
  /** How the application is assessed: a {@link RegisterService.Route}, for {@code Gateway_Route}. */
  static final String ROUTE = "route";
  static final String APPLICATION_SUMMARY = "applicationSummary";
  /** The coordinator's decision in {@code Task_ApproveApplication}, for {@code Gateway_Approved}. */
  static final String APPROVAL_DECISION = "approvalDecision";
  /** YES or NO from {@code Task_HoldInterview}, for {@code Gateway_Passed}. */
  static final String INTERVIEW_PASSED = "interviewPassed";
  static final String INTERVIEW_NOTES = "interviewNotes";
  static final String REFUSAL_REASON = "refusalReason";

  /** The assessor's competency interview (REG-1). */
  record Interview(boolean passed, String notes) {
  }

  /** The variables that start the process with an application made over the API, as the form would submit it. */
  static Map<String, Object> of(Application application) {
    ProfileDetails details = application.details();
    Map<String, Object> variables = new HashMap<>();
    variables.put(APPLICANT_ID, application.userId());
    variables.put(FIRST_NAME, application.firstName());
    variables.put(LAST_NAME, application.lastName());
    variables.put(EMAIL, application.email());
    variables.put(PHONE, details.phone());
    variables.put(ORGANISATION, details.organisation());
    variables.put(AS_COACH, application.coach());
    variables.put(AS_MENTOR, application.mentor());
    variables.put(QUALIFICATION, details.qualification() == null ? null : details.qualification().name());
    variables.put(QUALIFICATION_DETAILS, details.qualificationDetails());
    variables.put(TRAINED_SUPERVISOR, details.trainedSupervisor());
    variables.put(CHARGES_FEES, details.chargesFees());
    variables.put(FEES, details.fees());
    variables.put(SPECIALISMS, Spin.JSON(details.specialisms() == null ? List.of()
        : details.specialisms().stream().map(Enum::name).toList()));
    variables.put(FORMATS, Spin.JSON(details.formats() == null ? List.of()
        : details.formats().stream().map(Enum::name).toList()));
    variables.put(LOCATIONS, details.locations() == null ? null : String.join(", ", details.locations()));
    variables.put(CAPACITY, details.capacity());
    variables.put(ETHICS_DECLARED, application.ethicsDeclared());
    variables.put(CONSENT, application.consentGiven());
    return variables;
  }

  String applicantId() {
    return values().text(APPLICANT_ID);
  }

  /** The application as the form {@code coach-application} (or the API) submits it. */
  Application application() {
    return application(values());
  }

  static Application application(FormValues values) {
    Set<Specialism> specialisms = choices(values, SPECIALISMS, Specialism.class);
    Set<SessionFormat> formats = choices(values, FORMATS, SessionFormat.class);
    String locations = values.text(LOCATIONS);
    Set<String> locationSet = new LinkedHashSet<>();
    if (locations != null) {
      locationSet.addAll(List.of(locations.split("\\s*[,;]\\s*")));
    }
    ProfileDetails details = new ProfileDetails(values.optionalText(PHONE, "Your phone number", 50),
        values.optionalText(ORGANISATION, "Your organisation", 200),
        values.optionalChoice(QUALIFICATION, "your qualification", Qualification.class),
        values.optionalText(QUALIFICATION_DETAILS, "The details of your qualification", 500),
        values.flag(TRAINED_SUPERVISOR), values.flag(CHARGES_FEES), values.optionalText(FEES, "Your fees", 500),
        specialisms, formats, locationSet, values.optionalInteger(CAPACITY, "Your capacity"));
    return new Application(values.text(APPLICANT_ID), values.optionalText(FIRST_NAME, "Your first name", 100),
        values.optionalText(LAST_NAME, "Your last name", 100), values.optionalText(EMAIL, "Your email", 200),
        values.flag(AS_COACH), values.flag(AS_MENTOR), details, values.flag(ETHICS_DECLARED), values.flag(CONSENT));
  }

  private static <E extends Enum<E>> Set<E> choices(FormValues values, String field, Class<E> type) {
    Set<E> chosen = EnumSet.noneOf(type);
    for (String item : values.strings(field)) {
      try {
        chosen.add(Enum.valueOf(type, item.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(field, "'" + item + "' is not one of "
            + Arrays.toString(type.getEnumConstants()) + ".");
      }
    }
    return chosen;
  }

  /** How the application is assessed, and what the assessor or approver reads of it. */
  void recorded(Application application, RegisterService.Route route) {
    scope.setVariable(ROUTE, route.name());
    scope.setVariable(APPLICATION_SUMMARY, ApplicationSummary.markdown(application, route));
  }

  static String route(Map<String, Object> variables) {
    return (String) variables.get(ROUTE);
  }

  /** The assessor's answer in the form {@code competency-interview}. */
  Interview interview() {
    return interview(values());
  }

  static Interview interview(FormValues values) {
    String passed = values.text(INTERVIEW_PASSED);
    if (!"YES".equals(passed) && !"NO".equals(passed)) {
      throw new InvalidInputException(INTERVIEW_PASSED, "Say whether the applicant passed the interview.");
    }
    return new Interview("YES".equals(passed), values.requiredText(INTERVIEW_NOTES, "Your notes of the interview",
        2000));
  }

  String refusalReason() {
    return values().requiredText(REFUSAL_REASON, "The reason for the refusal", 1000);
  }

  void refusalReason(String reason) {
    scope.setVariable(REFUSAL_REASON, reason);
  }
}

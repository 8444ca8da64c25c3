package org.tandem.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.FormValues;
import org.tandem.common.InvalidInputException;
import org.tandem.contracting.SessionFormat;
import org.tandem.notification.Notifications;

/** The service tasks of {@code coach-registration.bpmn} and {@code cpd-annual-review.bpmn}. */
@Configuration
class RegisterDelegates {

  private final RegisterService register;
  private final CpdService cpd;
  private final Notifications notifications;

  RegisterDelegates(RegisterService register, CpdService cpd, Notifications notifications) {
    this.register = register;
    this.cpd = cpd;
    this.notifications = notifications;
  }

  /** Reads an application as the form {@code coach-application} (or the API) submits it. */
  static Application application(FormValues values) {
    Set<Specialism> specialisms = EnumSet.noneOf(Specialism.class);
    for (String item : values.strings("specialisms")) {
      specialisms.add(choice("specialisms", item, Specialism.class));
    }
    Set<SessionFormat> formats = EnumSet.noneOf(SessionFormat.class);
    for (String item : values.strings("formats")) {
      formats.add(choice("formats", item, SessionFormat.class));
    }
    String locations = values.text("locations");
    Set<String> locationSet = new LinkedHashSet<>();
    if (locations != null) {
      locationSet.addAll(List.of(locations.split("\\s*[,;]\\s*")));
    }
    ProfileDetails details = new ProfileDetails(values.optionalText("phone", "Your phone number", 50),
        values.optionalText("organisation", "Your organisation", 200),
        values.optionalChoice("qualification", "your qualification", Qualification.class),
        values.optionalText("qualificationDetails", "The details of your qualification", 500),
        values.flag("trainedSupervisor"), values.flag("chargesFees"), values.optionalText("fees", "Your fees", 500),
        specialisms, formats, locationSet, values.optionalInteger("capacity", "Your capacity"));
    return new Application(values.text("applicantId"), values.optionalText("firstName", "Your first name", 100),
        values.optionalText("lastName", "Your last name", 100), values.optionalText("email", "Your email", 200),
        values.flag("asCoach"), values.flag("asMentor"), details, values.flag("ethicsDeclared"),
        values.flag("consent"));
  }

  static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + value + "' is not one of " + java.util.Arrays.toString(
          type.getEnumConstants()) + ".");
    }
  }

  /** {@code Task_RecordApplication} (REG-1, REG-3, DP-1). */
  @Bean
  JavaDelegate recordApplication() {
    return (DelegateExecution execution) -> {
      Application application = application(FormValues.of(execution));
      var caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (caller != null && !caller.getUserId().equals(application.userId())
          && (caller.getGroupIds() == null || !caller.getGroupIds().contains(org.tandem.identity.Roles.COORDINATORS))) {
        throw new InvalidInputException("applicantId", "Apply for yourself; only coordinators apply on someone's behalf.");
      }
      RegisterService.Route route = register.apply(application);
      execution.setVariable("route", route.name());
      execution.setVariable("applicationSummary", ApplicationSummary.markdown(application, route));
      execution.setProcessBusinessKey(application.userId());
    };
  }

  /** {@code Task_RecordInterview} (REG-1): passed or not, with the assessor's notes. */
  @Bean
  JavaDelegate recordInterview() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      String passed = values.text("interviewPassed");
      if (!"YES".equals(passed) && !"NO".equals(passed)) {
        throw new InvalidInputException("interviewPassed", "Say whether the applicant passed the interview.");
      }
      String notes = values.requiredText("interviewNotes", "Your notes of the interview", 2000);
      register.interviewed(values.text("applicantId"), "YES".equals(passed), notes);
      if ("NO".equals(passed)) {
        execution.setVariable("refusalReason", "The competency interview was not passed: " + notes);
      }
    };
  }

  /** {@code Task_ListProfile}: the user in coaches, the profile listed. */
  @Bean
  JavaDelegate listProfile() {
    return (DelegateExecution execution) -> register.list((String) execution.getVariable("applicantId"));
  }

  /** {@code Task_RecordRefusal}: refused, saying why. */
  @Bean
  JavaDelegate recordRefusal() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      register.refuse(values.text("applicantId"), values.requiredText("refusalReason", "The reason for the refusal",
          1000));
    };
  }

  /** {@code Task_FindShortCoaches} (REG-2). */
  @Bean
  JavaDelegate findCoachesShortOfCpd() {
    return (DelegateExecution execution) -> execution.setVariable("coachesShort",
        Variables.objectValue(new ArrayList<>(cpd.coachesShortOfCpd(cpd.today())))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /** {@code Task_RemindCoach} (REG-2): what is short, in the coach's task and by reminder. */
  @Bean
  JavaDelegate remindCoachOfCpd() {
    return (DelegateExecution execution) -> {
      String coach = (String) execution.getVariable("coachId");
      Compliance compliance = cpd.compliance(coach, cpd.today());
      execution.setVariableLocal("cpdShortfalls", String.join("; ", compliance.shortfalls()));
      execution.setVariableLocal("cpdCompliant", compliance.compliant());
      notifications.remind(coach, null, "Your CPD evidence for the register",
          "To stay on the register, record in your CPD log: " + String.join("; ", compliance.shortfalls()) + ".");
    };
  }

  /** {@code Task_RecordEvidence} (REG-2): each entry of the form into the CPD log, then the requirement again. */
  @Bean
  JavaDelegate recordCpdEvidence() {
    return (DelegateExecution execution) -> {
      String coach = (String) execution.getVariable("coachId");
      FormValues values = FormValues.of(execution);
      for (Map<String, Object> item : values.list("evidence")) {
        FormValues entry = FormValues.of(item);
        if (!entry.present("kind") && !entry.present("description")) {
          continue;
        }
        cpd.record(coach, coach, new CpdEntry(null,
            entry.requiredChoice("kind", "the kind of evidence", CpdEntry.Kind.class),
            entry.requiredDate("occurredOn", "The date"),
            entry.present("hours") ? BigDecimal.valueOf(entry.optionalInteger("hours", "The hours")) : null,
            entry.text("description"), null));
      }
      execution.removeVariable("evidence");
      checkCompliance(execution, coach);
    };
  }

  /** {@code Task_CheckAtDeadline} (REG-2). */
  @Bean
  JavaDelegate checkCpd() {
    return (DelegateExecution execution) -> checkCompliance(execution, (String) execution.getVariable("coachId"));
  }

  private void checkCompliance(DelegateExecution execution, String coach) {
    Compliance compliance = cpd.compliance(coach, cpd.today());
    execution.setVariable("cpdCompliant", compliance.compliant());
    execution.setVariable("cpdShortfalls", String.join("; ", compliance.shortfalls()));
  }

  /** {@code Task_LapseCoach} (REG-2): not matched for coaching until the evidence is recorded. */
  @Bean
  JavaDelegate lapseCoach() {
    return (DelegateExecution execution) -> {
      String coach = (String) execution.getVariable("coachId");
      register.lapse(coach);
      notifications.remind(coach, null, "Your place on the register has lapsed",
          "You are not matched with new coaching clients until your CPD evidence is recorded in your CPD log.");
    };
  }
}

package org.tandem.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.FormValues;
import org.tandem.common.InvalidInputException;

/** The service tasks of {@code processes/complaint.bpmn}. */
@Configuration
class ComplaintDelegates {

  static final String COMPLAINT_ID = "complaintId";

  private final ComplaintService complaints;

  ComplaintDelegates(ComplaintService complaints) {
    this.complaints = complaints;
  }

  /** {@code Task_RecordComplaint}: the complaint's id becomes the business key. */
  @Bean
  JavaDelegate recordComplaint() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      Complaint complaint = complaints.raise(values.text("raisedBy"), values.text("coachId"),
          values.text("clientOrganisation"), values.text("concern"));
      execution.setVariable(COMPLAINT_ID, complaint.id());
      execution.setProcessBusinessKey(complaint.id());
    };
  }

  /** {@code Task_RecordResponse}: the coach's response; the person who raised it says whether it is resolved. */
  @Bean
  JavaDelegate recordComplaintResponse() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      complaints.coachResponded(values.text(COMPLAINT_ID), values.text("coachResponse"));
    };
  }

  /** {@code Task_HrConsiders} when it is created: not resolved with the coach, the concern goes to HR. */
  @Bean
  TaskListener complaintToHr() {
    return (DelegateTask task) -> complaints.toHr((String) task.getVariable(COMPLAINT_ID));
  }

  /** {@code Task_RecordHr}: HR's view, and whether it goes to the coaching lead. */
  @Bean
  JavaDelegate recordComplaintHr() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      String outcome = values.text("hrOutcome");
      if (!"RESOLVED".equals(outcome) && !"ESCALATE".equals(outcome)) {
        throw new InvalidInputException("hrOutcome", "Say whether HR resolved the concern or it goes to the lead.");
      }
      complaints.hrConsidered(values.text(COMPLAINT_ID), "RESOLVED".equals(outcome), values.text("hrNotes"));
    };
  }

  /** {@code Task_CarryOutDecision}: suspension or removal take effect on the register at once. */
  @Bean
  JavaDelegate carryOutComplaintDecision() {
    return (DelegateExecution execution) -> {
      FormValues values = FormValues.of(execution);
      complaints.decided(values.text(COMPLAINT_ID),
          values.optionalChoice("decision", "the decision", Complaint.Decision.class), values.text("decisionReason"));
    };
  }

  /** {@code Task_CloseResolved}. */
  @Bean
  JavaDelegate closeResolvedComplaint() {
    return (DelegateExecution execution) -> complaints.resolved(FormValues.of(execution).text(COMPLAINT_ID));
  }
}

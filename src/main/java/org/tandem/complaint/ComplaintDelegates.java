package org.tandem.complaint;

import static org.tandem.common.ModelSteps.delegate;
import static org.tandem.common.ModelSteps.listener;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code processes/complaint.bpmn}. */
@Configuration(proxyBeanMethods = false)
class ComplaintDelegates {

  /** {@code Task_RecordComplaint}: the complaint's id becomes the business key. */
  @Bean
  JavaDelegate recordComplaint(ComplaintService complaints) {
    return delegate(ComplaintVariables::new, (variables, execution) -> {
      Complaint complaint = complaints.raise(variables.raisedBy(), variables.coachId(), variables.clientOrganisation(),
          variables.concern());
      variables.complaintId(complaint.id());
      execution.setProcessBusinessKey(complaint.id());
    });
  }

  /** {@code Task_RecordResponse}: the coach's response; the person who raised it says whether it is resolved. */
  @Bean
  JavaDelegate recordComplaintResponse(ComplaintService complaints) {
    return delegate(ComplaintVariables::new,
        variables -> complaints.coachResponded(variables.complaintId(), variables.coachResponse()));
  }

  /** {@code Task_HrConsiders} when it is created: not resolved with the coach, the concern goes to HR. */
  @Bean
  TaskListener complaintToHr(ComplaintService complaints) {
    return listener(ComplaintVariables::new, variables -> complaints.toHr(variables.complaintId()));
  }

  /** {@code Task_RecordHr}: HR's view, and whether it goes to the coaching lead. */
  @Bean
  JavaDelegate recordComplaintHr(ComplaintService complaints) {
    return delegate(ComplaintVariables::new,
        variables -> complaints.hrConsidered(variables.complaintId(), variables.resolvedByHr(), variables.hrNotes()));
  }

  /** {@code Task_CarryOutDecision}: suspension or removal take effect on the register at once. */
  @Bean
  JavaDelegate carryOutComplaintDecision(ComplaintService complaints) {
    return delegate(ComplaintVariables::new,
        variables -> complaints.decided(variables.complaintId(), variables.decision(), variables.decisionReason()));
  }

  /** {@code Task_CloseResolved}. */
  @Bean
  JavaDelegate closeResolvedComplaint(ComplaintService complaints) {
    return delegate(ComplaintVariables::new, variables -> complaints.resolved(variables.complaintId()));
  }
}

package org.tandem.contracting;

import static org.tandem.common.ModelSteps.delegate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.common.LifecycleSettings;

/** The service tasks of {@code processes/contracting.bpmn}: thin adapters from variables to {@link ContractService}. */
@Configuration(proxyBeanMethods = false)
class ContractingDelegates {

  /** {@code Task_PrepareDraft}: a new version, started from the contract in force when re-contracting. */
  @Bean
  JavaDelegate prepareContractDraft(ContractService contracts, LifecycleSettings settings) {
    return delegate(ContractingVariables::new, variables -> {
      variables.version(contracts.nextVersion(variables.relationshipId()));
      contracts.inForce(variables.relationshipId()).ifPresentOrElse(variables::draft,
          () -> variables.defaults((int) settings.noticePeriod().toHours(), 90));
    });
  }

  /** {@code Task_SaveDraft}: checks the draft (CON-1..4) and keeps it as the version's terms. */
  @Bean
  JavaDelegate saveContractDraft(ContractService contracts, LifecycleSettings settings) {
    return delegate(ContractingVariables::new, variables -> {
      ContractDraft draft = variables.draft((int) settings.noticePeriod().toHours());
      contracts.saveDraft(variables.relationshipId(), variables.version(), draft, variables.sessionsHeld(),
          variables.sponsorId());
      variables.summary(draft);
      variables.clearAcknowledgements();
      variables.commentSeen();
    });
  }

  /** {@code Task_Record...Answer}: a signature, the sponsor's agreement, or a send-back with its comment. */
  @Bean
  JavaDelegate recordContractAnswer(ContractService contracts) {
    return delegate(ContractingVariables::new, variables -> {
      ContractService.Party party = variables.answeredBy();
      String comment = variables.comment();
      boolean signed = contracts.answer(variables.relationshipId(), variables.version(), party,
          variables.person(party), variables.answer(), comment, variables.acknowledged(party));
      variables.answered(signed, comment);
    });
  }

  /** {@code Task_PutInForce} (CON-6). */
  @Bean
  JavaDelegate putContractInForce(ContractService contracts) {
    return delegate(ContractingVariables::new,
        variables -> contracts.putInForce(variables.relationshipId(), variables.version()));
  }
}

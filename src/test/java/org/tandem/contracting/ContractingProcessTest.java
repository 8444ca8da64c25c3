package org.tandem.contracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tandem.support.LifecycleTest;

class ContractingProcessTest extends LifecycleTest {

  @Autowired
  ContractService contracts;

  @Test
  @DisplayName("CON-6 the contract comes into force when the client and then the coach have signed it, each with a date")
  void both_sign() {
    String id = driver.start(COACH, CLIENT, null, "COACHING");
    ProcessInstance contracting = driver.instance(id, "contracting");
    assertThat(contracting).isWaitingAt("Task_DraftContract").task().isAssignedTo(COACH);

    driver.draftContract(id, COACH, driver.contract());
    assertThat(contracting).isWaitingAt("Task_ClientSigns").task().isAssignedTo(CLIENT);
    assertThat(contracts.inForce(id)).isEmpty();

    driver.clientSigns(id, CLIENT);
    assertThat(contracting).isWaitingAt("Task_CoachSigns");
    assertThat(contracts.inForce(id)).isEmpty();

    driver.coachSigns(id, COACH);
    assertThat(contracting).isEnded().hasPassed("Task_PutInForce").hasNotPassed("Task_SponsorAgreesGoals");
    Contract contract = contracts.inForce(id).orElseThrow();
    assertThat(contract.version()).isEqualTo(1);
    assertThat(contract.clientSignedAt()).isNotNull();
    assertThat(contract.coachSignedAt()).isNotNull();
    assertThat(driver.relationship(id).get("status")).isEqualTo("ACTIVE");
    assertThat(driver.instance(id, "sessions")).isNotNull();
  }
}

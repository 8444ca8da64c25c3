package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.confidential.ConfidentialFields;
import org.tandem.confidential.ConfidentialNote;
import org.tandem.confidential.ConfidentialNotes;
import org.tandem.confidential.ConfidentialRecords;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tandem.support.OwnJvm;

/** The default profile keeps its H2 database in a file: what was written before a restart is there after it. */
@OwnJvm
class RestartTest {

  @TempDir
  Path data;

  private ConfigurableApplicationContext start() {
    // command-line arguments, so that they win over application.yaml (builder properties would not)
    return new SpringApplicationBuilder(TandemApplication.class).run(
        // the process tests' coverage plugin needs their test listener, which this plain start has not
        "--spring.autoconfigure.exclude="
            + "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration",
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("tandem"),
        "--tandem.privacy.key-file=" + data.resolve("confidential-store.key"),
        "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  @DisplayName("DP-3 data written before a restart is there after it, confidential records sealed with the key kept "
      + "on first start; no model gets a new version")
  void data_written_before_a_restart_is_there_after_it_and_no_model_gets_a_new_version() {
    String relationshipId;
    long definitions;
    try (ConfigurableApplicationContext app = start()) {
      definitions = app.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
      IdentityService identity = app.getBean(IdentityService.class);
      identity.setAuthentication("cora", java.util.List.of("coordinators"));
      try {
        ProcessInstance started = app.getBean(FormService.class).submitStartForm(
            app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey("relationship").latestVersion().singleResult().getId(),
            Map.of("kind", "MENTORING", "coachId", "chloe", "clientId", "carl"));
        relationshipId = started.getBusinessKey();
      } finally {
        identity.clearAuthentication();
      }
      app.getBean(ConfidentialNotes.class).save(new ConfidentialNote(null, relationshipId, "chloe",
          "Task_RecordSession", "session 1", "confidentialKeyPoints", ConfidentialFields.Visibility.PAIR,
          "Said before the restart", java.time.Instant.now()));
    }

    try (ConfigurableApplicationContext app = start()) {
      assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
          .isEqualTo(definitions);
      assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
          .processInstanceBusinessKey(relationshipId).processDefinitionKey("relationship").count()).isOne();
      assertThat(app.getBean(JdbcClient.class).sql("select kind from relationship where id = :id")
          .param("id", relationshipId).query(String.class).single()).isEqualTo("MENTORING");
      assertThat(app.getBean(IdentityService.class).createUserQuery().userId("cora").count()).isOne();
      assertThat(data.resolve("confidential-store.key")).as("the generated key is kept with the data").exists();
      assertThat(app.getBean(ConfidentialRecords.class).read(
          new ConfidentialRecords.Pair(relationshipId, "chloe", "carl"), "carl"))
          .extracting(ConfidentialRecords.Entry::content).containsExactly("Said before the restart");
    }
  }
}

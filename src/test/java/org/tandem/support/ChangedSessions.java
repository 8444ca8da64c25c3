package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions model as an administrator changes it in Camunda Modeler: the coach's review task gets a new id, a new
 * optional task follows every review, with a form of its own; and its deployment through engine REST, as the
 * Modeler sends it.
 */
public final class ChangedSessions {

  public static final String RENAMED = "Task_CoachReviews";
  public static final String NEW_NAME = "Task_CoachReviewsProgress";
  public static final String NEW_TASK = "Task_NoteNextSteps";
  static final String BOUNDARY = "tandem-modeler";

  public static final String NEXT_STEPS_FORM = """
      {
        "id": "next-steps",
        "type": "default",
        "executionPlatform": "Camunda Platform",
        "executionPlatformVersion": "7.24.0",
        "schemaVersion": 16,
        "components": [
          {"id": "Text_Intro", "type": "text", "text": "## Next steps\\nOptional: how many weeks until you meet again."},
          {"id": "Field_WeeksUntilNext", "key": "weeksUntilNext", "type": "number", "label": "Weeks until you meet",
           "validate": {"min": 0, "max": 52}}
        ]
      }
      """;

  private ChangedSessions() {
  }

  /** The packaged sessions model, changed: version tag 1.1, the review task renamed, a new task after the review. */
  public static String model() {
    String model;
    try (InputStream in = ChangedSessions.class.getResourceAsStream("/processes/sessions.bpmn")) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    model = model.replace("\"" + RENAMED + "\"", "\"" + NEW_NAME + "\"")
        .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.1\"")
        .replace("<bpmn:sequenceFlow id=\"Flow_ToContinue\" sourceRef=\"Task_RecordReview\" "
            + "targetRef=\"Gateway_ContinueAfterReview\" />", """
            <bpmn:sequenceFlow id="Flow_ToContinue" sourceRef="Task_RecordReview" targetRef="%s" />
                <bpmn:userTask id="%s" name="Note the next steps (optional)" camunda:assignee="${coachId}" \
            camunda:formRef="next-steps" camunda:formRefBinding="deployment" />
                <bpmn:sequenceFlow id="Flow_NextStepsNoted" sourceRef="%s" targetRef="Gateway_ContinueAfterReview" />"""
            .formatted(NEW_TASK, NEW_TASK, NEW_TASK));
    assertThat(model).contains(NEW_NAME, NEW_TASK, "versionTag=\"1.1\"");
    return model;
  }

  /** A deployment named "sessions" through engine REST, as Camunda Modeler sends it. */
  public static RestClientSupport.Answer deploy(RestClientSupport rest, String user, String password,
      Map<String, String> files) {
    StringBuilder parts = new StringBuilder();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "sessions");
    fields.put("deployment-source", "Camunda Modeler");
    fields.forEach((name, value) -> parts.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; ")
        .append("name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
    files.forEach((name, content) -> parts.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; ")
        .append("name=\"").append(name).append("\"; filename=\"").append(name)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
    parts.append("--").append(BOUNDARY).append("--\r\n");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(parts.toString().getBytes(StandardCharsets.UTF_8));
    return rest.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + BOUNDARY,
        body.toByteArray(), user, password, Map.of());
  }
}

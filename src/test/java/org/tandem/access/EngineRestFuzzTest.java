package org.tandem.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.support.LifecycleDriver.CLIENT;
import static org.tandem.support.LifecycleDriver.COACH;
import static org.tandem.support.LifecycleDriver.COORDINATOR;
import static org.tandem.support.LifecycleDriver.SPONSOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tandem.support.AccessWorld;
import org.tandem.support.ApiTest;
import org.tandem.support.RestClientSupport;
import org.tandem.support.WebappSession;

/**
 * Every operation of Camunda's engine REST reference (its OpenAPI document, shipped by Camunda), called as each role
 * with the ids of a relationship that is not theirs (Chloe coaches Carl), with a body that tries to write variables
 * and to act for someone else, and through Tasklist's door for a coach as well. None of those denied by the matrix
 * may answer 2xx: no write but a query, no answer showing the other relationship's ids to anyone but a coordinator,
 * no answer showing its variables to anyone, and nothing about the other relationship changed afterwards.
 */
class EngineRestFuzzTest extends ApiTest {

  static final List<String> ROLES = List.of(COORDINATOR, COACH, CLIENT, SPONSOR, "ada");
  static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");


  /** One operation of the reference. */
  record Operation(String method, String path, String operationId, boolean multipart) {

    /** A read, whichever its method: the reference names these queries. */
    boolean reads() {
      return method.equals("GET") || operationId.startsWith("query") || operationId.startsWith("postQuery")
          || operationId.startsWith("postExecuteFilter") || operationId.equals("checkPassword");
    }
  }

  private List<Operation> operations() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
      assertThat(in).as("Camunda's engine REST reference on the test classpath").isNotNull();
      JsonNode paths = json.readTree(in).path("paths");
      List<Operation> operations = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> path = it.next();
        for (String method : List.of("get", "post", "put", "delete")) {
          JsonNode operation = path.getValue().get(method);
          if (operation != null) {
            operations.add(new Operation(method.toUpperCase(), path.getKey(), operation.path("operationId").asText(),
                operation.path("requestBody").toString().contains("multipart/form-data")));
          }
        }
      }
      return operations;
    }
  }

  /** The other party's id for a path parameter, by the resource it names. */
  private static String value(String path, String parameter, AccessWorld.Ids ids) {
    String before = path.substring(0, path.indexOf("{" + parameter + "}"));
    String resource = before.replaceAll("/$", "");
    resource = resource.substring(resource.lastIndexOf('/') + 1);
    return switch (parameter) {
      case "key" -> "relationship";
      case "tenant-id" -> "t";
      case "varName" -> "coachId";
      case "userId" -> "chloe";
      case "groupId" -> "coaches";
      case "messageName" -> "CpdReviewRequested";
      case "operationId" -> ids.get("theirOperation");
      case "id" -> switch (resource) {
        case "task" -> ids.get("theirTask");
        case "process-instance" -> path.startsWith("/history") ? ids.get("theirContracting") : ids.get("theirInstance");
        case "execution" -> ids.get("theirExecution");
        case "job" -> ids.get("theirJob");
        case "deployment" -> ids.get("deployment");
        case "filter" -> ids.get("filter");
        case "user" -> "carl";
        case "group" -> "coordinators";
        case "authorization" -> ids.get("anAuthorization");
        case "process-definition" -> ids.get("relationshipDefinition");
        case "variable-instance" -> ids.get("theirHistoricVariable");
        case "detail" -> ids.get("theirHistoricDetail");
        default -> "no-such-" + resource;
      };
      default -> "x";
    };
  }

  private static String resolve(Operation operation, AccessWorld.Ids ids, String caller) {
    Matcher matcher = PARAMETER.matcher(operation.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(path, Matcher.quoteReplacement(value(operation.path(), matcher.group(1), ids)));
    }
    matcher.appendTail(path);
    if (operation.method().equals("GET")) {
      path.append("?processInstanceId=").append(ids.get("theirInstance"))
          .append("&taskId=").append(ids.get("theirTask"))
          .append("&assignee=chloe&processInstanceBusinessKey=").append(ids.get("theirKey"));
    }
    return path.toString();
  }

  /** A body that tries everything at once: variables for the other relationship, acting as oneself on it. */
  private static String hostileBody(AccessWorld.Ids ids, String caller) {
    return """
        {"variables": {"coachId": {"value": "%1$s"}}, "modifications": {"clientId": {"value": "%1$s"}},
         "processVariables": {"coachId": {"value": "%1$s"}}, "userId": "%1$s", "value": "%1$s",
         "processInstanceId": "%2$s", "processInstanceIds": ["%2$s"], "messageName": "CpdReviewRequested",
         "name": "x", "message": "x", "id": "%1$s", "password": "x", "resourceType": 8, "resourceId": "*",
         "permissions": ["ALL"], "type": 1, "suspended": true, "retries": 0, "duedate": "2020-01-01T00:00:00.000+0000"}
        """.formatted(caller, ids.get("theirInstance"));
  }

  private List<String> violations(String who, Operation operation, RestClientSupport.Answer answer,
      AccessWorld.Ids ids) {
    List<String> violations = new ArrayList<>();
    boolean ok = answer.status() >= 200 && answer.status() < 300;
    String call = who + " " + operation.method() + " " + operation.path() + " -> " + answer.status();
    if (who.equals("anonymous")) {
      if (ok) {
        violations.add(call + ": anonymous callers get nothing");
      }
      return violations;
    }
    if (!ok) {
      return violations;
    }
    boolean coordinatorStartsRelationship = who.startsWith(COORDINATOR) && operation.path().contains("/start")
        || who.startsWith(COORDINATOR) && operation.path().endsWith("/submit-form")
        && operation.path().startsWith("/process-definition");
    if (!operation.reads() && !coordinatorStartsRelationship) {
      violations.add(call + ": a write the matrix denies");
    }
    if (answer.body().contains(AccessWorld.THEIR_SECRET)) {
      violations.add(call + ": shows the other relationship's variables");
    }
    if (!who.startsWith(COORDINATOR)) {
      for (String marker : ids.theirMarkers()) {
        if (answer.body().contains(marker)) {
          violations.add(call + ": shows the other relationship (" + marker + ")");
          break;
        }
      }
    }
    return violations;
  }

  @Test
  @DisplayName("SES-2 EVA-4 a fuzz of every engine REST operation, as every role, with the other party's ids finds no"
      + " 2xx the matrix denies")
  void fuzz() throws Exception {
    AccessWorld world = new AccessWorld(driver);
    world.shared();
    AccessWorld.Ids ids = world.sharedIds();
    Map<String, String> before = world.snapshot(List.of(ids.get("theirKey")));
    List<Operation> operations = operations();
    List<String> violations = new ArrayList<>();
    Map<String, Integer> answered = new LinkedHashMap<>();
    java.util.Set<String> serverErrors = new java.util.TreeSet<>();
    int requests = 0;

    List<String> callers = new ArrayList<>(ROLES);
    callers.add("anonymous");
    for (String caller : callers) {
      for (Operation operation : operations) {
        String user = caller.equals("anonymous") ? null : caller;
        RestClientSupport.Answer answer = send(rest, null, operation, ids, user);
        requests++;
        answered.merge(caller + " " + (answer.status() / 100) + "xx", 1, Integer::sum);
        if (answer.status() >= 500) {
          serverErrors.add(operation.method() + " " + operation.path());
        }
        violations.addAll(violations(caller, operation, answer, ids));
      }
    }
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", COACH, "demo")).isEqualTo(200);
    tasklist.get("/camunda/api/admin/auth/user/default");
    for (Operation operation : operations) {
      if (operation.multipart()) {
        continue;
      }
      RestClientSupport.Answer answer = send(rest, tasklist, operation, ids, COACH);
      requests++;
      answered.merge(COACH + " (Tasklist) " + (answer.status() / 100) + "xx", 1, Integer::sum);
      violations.addAll(violations(COACH + " (Tasklist)", operation, answer, ids));
      if (answer.status() == 401) {
        tasklist = new WebappSession(baseUrl());
        tasklist.login("tasklist", COACH, "demo");
        tasklist.get("/camunda/api/admin/auth/user/default");
      }
    }

    System.out.printf("Engine REST fuzz: %d requests over %d operations of the reference, as %s, anonymous and a "
        + "coach through Tasklist; answers %s; %d denied cells answered 2xx%n", requests, operations.size(), ROLES,
        answered, violations.size());
    System.out.println("Operations that answered 5xx to someone: " + serverErrors);
    assertThat(operations).hasSizeGreaterThan(300);
    assertThat(violations).isEmpty();
    assertThat(world.snapshot(List.of(ids.get("theirKey")))).as("Chloe and Carl's relationship").isEqualTo(before);
    assertThat(engine.getIdentityService().createUserQuery().userId("carl").count()).isOne();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("coordinators").list())
        .extracting(user -> user.getId()).doesNotContain(COACH, CLIENT, SPONSOR, "ada");
  }

  private RestClientSupport.Answer send(RestClientSupport rest, WebappSession webapp, Operation operation,
      AccessWorld.Ids ids, String user) {
    String path = resolve(operation, ids, user == null ? "x" : user);
    if (webapp != null) {
      String body = operation.method().equals("GET") || operation.method().equals("DELETE") ? null
          : hostileBody(ids, user);
      return webapp.send(operation.method(), "/camunda/api/engine/engine/default" + path, body, true);
    }
    String contentType = null;
    byte[] body = null;
    if (operation.multipart()) {
      contentType = "multipart/form-data; boundary=" + AccessWorld.BOUNDARY;
      body = AccessWorld.multipart("data", "note.txt");
    } else if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
      contentType = "application/json";
      body = hostileBody(ids, user == null ? "x" : user).getBytes(StandardCharsets.UTF_8);
    }
    return rest.send(operation.method(), "/engine-rest" + path, contentType, body, user, user == null ? null : "demo",
        Map.of());
  }
}

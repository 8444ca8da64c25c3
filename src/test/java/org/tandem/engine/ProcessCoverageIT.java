package org.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;

/**
 * After the process tests have run (surefire), adds up their coverage reports across test classes: every flow node
 * and sequence flow of every model in {@code processes/} must be reached by at least one test. Prints the figures and
 * writes them to {@code target/process-test-coverage/summary.txt}.
 */
class ProcessCoverageIT {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void every_flow_node_and_sequence_flow_of_every_model_is_reached_by_a_test() throws IOException {
    Map<String, Set<String>> reached = reached();
    Map<String, Set<String>> missed = new TreeMap<>();
    StringBuilder summary = new StringBuilder();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        for (Process process : instance.getModelElementsByType(Process.class)) {
          Set<String> elements = new TreeSet<>();
          instance.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
          instance.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
          Set<String> notReached = new TreeSet<>(elements);
          notReached.removeAll(reached.getOrDefault(process.getId(), Set.of()));
          summary.append("%-18s %3d of %3d flow nodes and sequence flows reached%n"
              .formatted(process.getId(), elements.size() - notReached.size(), elements.size()));
          if (!notReached.isEmpty()) {
            missed.put(process.getId(), notReached);
          }
        }
      }
    }
    Files.writeString(REPORTS.resolve("summary.txt"), summary);
    System.out.print(summary);
    assertThat(missed).as("elements no process test reaches").isEmpty();
  }

  private static Map<String, Set<String>> reached() throws IOException {
    Map<String, Set<String>> reached = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> reports;
    try (Stream<Path> files = Files.walk(REPORTS)) {
      reports = files.filter(path -> path.getFileName().toString().equals("report.json")).toList();
    }
    assertThat(reports).as("coverage reports of the process tests in " + REPORTS).isNotEmpty();
    for (Path report : reports) {
      for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            reached.computeIfAbsent(event.path("modelKey").asText(), key -> new HashSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }
    return reached;
  }
}

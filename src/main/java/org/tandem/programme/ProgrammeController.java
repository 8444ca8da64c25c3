package org.tandem.programme;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.EngineTime;
import org.tandem.common.InvalidInputException;
import org.tandem.common.LifecycleSettings;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;
import org.tandem.register.RegisterHealth;

/**
 * The programme's figures over HTTP, for coordinators and administrators only: what the Cockpit plugin "Programme"
 * shows, and the same as CSV for steering-group reports. Every figure is described in the README ("The programme in
 * Cockpit").
 */
@RestController
@RequestMapping("/api/programme")
class ProgrammeController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  /** One figure of the summary as a CSV row: its section, its name and its value. */
  @JsonPropertyOrder({"section", "figure", "value"})
  record Row(String section, String figure, Object value) {
  }

  /** One stalled relationship as a CSV row: the tasks it waits at, and since when, in one cell each. */
  @JsonPropertyOrder({"relationshipId", "kind", "status", "lastActivity", "idleDays", "waitingAt", "waitingSince"})
  record StalledRow(String relationshipId, String kind, String status, String lastActivity, long idleDays,
      String waitingAt, String waitingSince) {
  }

  private static final CsvMapper CSV_MAPPER = CsvMapper.builder().findAndAddModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private final ProgrammeFigures figures;
  private final Phases phases;
  private final Stalled stalled;
  private final TaskDurations durations;
  private final ProgrammeSettings settings;
  private final LifecycleSettings lifecycle;

  ProgrammeController(ProgrammeFigures figures, Phases phases, Stalled stalled, TaskDurations durations,
      ProgrammeSettings settings, LifecycleSettings lifecycle) {
    this.figures = figures;
    this.phases = phases;
    this.stalled = stalled;
    this.durations = durations;
    this.settings = settings;
    this.lifecycle = lifecycle;
  }

  /** Every figure for the period (default: the twelve months to today) and kind (default: both). */
  @GetMapping("/summary")
  ProgrammeFigures.Summary summary(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
      Authentication caller) {
    requireCoordinator(caller);
    return figures.summary(period(from, to, kind));
  }

  @GetMapping(value = "/summary.csv", produces = "text/csv")
  ResponseEntity<String> summaryCsv(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
      Authentication caller) {
    requireCoordinator(caller);
    Period period = period(from, to, kind);
    return csv("programme-" + period.from() + "-to-" + period.to() + ".csv", Row.class,
        rows(figures.summary(period)));
  }

  /** The requests or relationships in one phase now, with their process instances. */
  @GetMapping("/phases/{phase}")
  Phases.Members phase(@PathVariable String phase, @RequestParam(required = false) String kind,
      Authentication caller) {
    requireCoordinator(caller);
    return phases.members(Phases.Phase.of(phase), period(null, null, kind).kinds());
  }

  /** Open relationships without a completed task for {@code days} (default: tandem.programme.stalled-after). */
  @GetMapping("/stalled")
  List<Stalled.Relationship> stalled(@RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer days, Authentication caller) {
    requireCoordinator(caller);
    return stalled.list(period(null, null, kind).kinds(), idle(days));
  }

  @GetMapping(value = "/stalled.csv", produces = "text/csv")
  ResponseEntity<String> stalledCsv(@RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer days, Authentication caller) {
    requireCoordinator(caller);
    List<StalledRow> rows = stalled.list(period(null, null, kind).kinds(), idle(days)).stream()
        .map(relationship -> new StalledRow(relationship.relationshipId(), relationship.kind(),
            relationship.status(), relationship.lastActivity().toString(), relationship.idleDays(),
            relationship.waitingAt().stream().map(Stalled.Waiting::taskName).collect(Collectors.joining("; ")),
            relationship.waitingAt().stream().map(waiting -> waiting.since().toString())
                .collect(Collectors.joining("; "))))
        .toList();
    return csv("stalled-relationships-" + today() + ".csv", StalledRow.class, rows);
  }

  /** The median and 90th-percentile time of each user task of a model, for the tasks completed in the period. */
  @GetMapping("/durations")
  List<TaskDurations.Activity> durations(@RequestParam String model, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
      Authentication caller) {
    requireCoordinator(caller);
    return durations.of(model, period(from, to, kind));
  }

  @GetMapping(value = "/durations.csv", produces = "text/csv")
  ResponseEntity<String> durationsCsv(@RequestParam String model, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String kind,
      Authentication caller) {
    requireCoordinator(caller);
    Period period = period(from, to, kind);
    return csv("task-durations-" + model + "-" + period.from() + "-to-" + period.to() + ".csv",
        TaskDurations.Activity.class, durations.of(model, period));
  }

  private Period period(String from, String to, String kind) {
    return Period.parse(from, to, kind, today(), lifecycle.zone());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(EngineTime.now(), lifecycle.zone());
  }

  private Duration idle(Integer days) {
    if (days == null) {
      return settings.stalledAfter();
    }
    if (days < 1 || days > 3650) {
      throw new InvalidInputException("days", "Stalled means at least 1 day and at most 3650 without a completed "
          + "task, not " + days + ".");
    }
    return Duration.ofDays(days);
  }

  private static void requireCoordinator(Authentication caller) {
    if (!Callers.isCoordinator(caller) && !Callers.hasRole(caller, Roles.ADMINS)) {
      throw new NotPermittedException("Only coordinators and administrators see the programme's figures.");
    }
  }

  static List<Row> rows(ProgrammeFigures.Summary summary) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("period", "from", summary.from()));
    rows.add(new Row("period", "to", summary.to()));
    rows.add(new Row("period", "kind", summary.kind()));
    add(rows, "phase now", summary.phases());
    add(rows, "matching", summary.matching());
    add(rows, "contracting", summary.contracting());
    add(rows, "sessions", summary.sessions());
    ProgrammeFigures.Outcomes outcomes = summary.outcomes();
    rows.add(new Row("outcomes", "closed", outcomes.closed()));
    rows.add(new Row("outcomes", "completed", outcomes.completed()));
    rows.add(new Row("outcomes", "endedEarly", outcomes.endedEarly()));
    rows.add(new Row("outcomes", "stoppedAtFirstMeeting", outcomes.stoppedAtFirstMeeting()));
    rows.add(new Row("outcomes", "withdrawn", outcomes.withdrawn()));
    outcomes.endedEarlyByReason().forEach((reason, count) -> rows.add(new Row("ended early by reason", reason, count)));
    for (ProgrammeFigures.EvaluationFigure figure : summary.evaluations()) {
      String name = figure.questionnaire() + " " + figure.question();
      rows.add(new Row("evaluation average", name, figure.withheld() ? "withheld" : figure.average()));
      rows.add(new Row("evaluation answers", name, figure.withheld() ? "withheld" : figure.answers()));
    }
    RegisterHealth.Figures register = summary.register();
    register.byStatus().forEach((status, count) -> rows.add(new Row("register by status", status, count)));
    rows.add(new Row("register", "listed", register.listed()));
    rows.add(new Row("register", "cpdDue", register.cpdDue()));
    rows.add(new Row("register", "cpdLapsed", register.cpdLapsed()));
    rows.add(new Row("register", "clients", register.clients()));
    rows.add(new Row("register", "capacity", register.capacity()));
    rows.add(new Row("register", "capacityUsed", register.capacityUsed()));
    return rows;
  }

  /** A figure record's components, each a row, in their declared order. */
  private static void add(List<Row> rows, String section, Record figures) {
    for (var component : figures.getClass().getRecordComponents()) {
      try {
        rows.add(new Row(section, component.getName(), component.getAccessor().invoke(figures)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static <T> ResponseEntity<String> csv(String filename, Class<T> type, List<T> rows) {
    CsvSchema schema = CSV_MAPPER.schemaFor(type).withHeader();
    StringWriter out = new StringWriter();
    try (SequenceWriter writer = CSV_MAPPER.writer(schema).writeValues(out)) {
      writer.writeAll(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(CSV)
        .body(out.toString());
  }
}

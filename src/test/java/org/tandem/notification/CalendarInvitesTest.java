package org.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The calendar invitations of sessions, parsed back with ical4j as a calendar program reads them. */
class CalendarInvitesTest {

  private static final Instant STAMP = Instant.parse("2026-01-02T08:00:00Z");

  private static CalendarInvites.Invite invite(Instant start, int sequence, boolean cancelled, String location) {
    return new CalendarInvites.Invite(CalendarInvites.uid("R-000042", 3), sequence, cancelled, start, 90,
        "Session 3 planned", "Session 3 of coaching relationship R-000042, virtual.", location,
        "tandem@example.org", "Tandem coaching programme", "clara@example.org", "Clara Benson", STAMP);
  }

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static VEvent event(Calendar calendar) {
    return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
  }

  private static ZonedDateTime start(VEvent event) {
    return (ZonedDateTime) event.getDateTimeStart().orElseThrow().getDate();
  }

  @Test
  @DisplayName("CON-1 a planned session is a request with its London times, the zone's definition, its format and location")
  void a_planned_session_in_winter() throws Exception {
    String ics = CalendarInvites.ics(invite(Instant.parse("2026-01-15T09:00:00Z"), 0, false, "Virtual: Teams"));
    Calendar calendar = parse(ics);

    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
    assertThat(ics).contains("TZID:Europe/London").contains("DTSTART;TZID=Europe/London:20260115T090000")
        .contains("DTEND;TZID=Europe/London:20260115T103000");
    VEvent event = event(calendar);
    assertThat(start(event).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-01-15T09:00"));
    assertThat(start(event).toInstant()).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("session-R-000042-3@tandem");
    assertThat(event.getSequence().orElseThrow().getSequenceNo()).isZero();
    assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("Virtual: Teams");
    assertThat(event.getStatus().orElseThrow().getValue()).isEqualTo("CONFIRMED");
    assertThat(event.getOrganizer().orElseThrow().getValue()).isEqualTo("mailto:tandem@example.org");
    Attendee attendee = event.<Attendee>getProperty("ATTENDEE").orElseThrow();
    assertThat(attendee.getValue()).isEqualTo("mailto:clara@example.org");
    assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Clara Benson");
    assertThat(attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
  }

  @Test
  @DisplayName("CON-1 the zone in the file carries today's summer and winter time, which give London's offset on every day ahead")
  void the_zone_in_force() throws Exception {
    String ics = CalendarInvites.ics(invite(Instant.parse("2026-01-15T09:00:00Z"), 0, false, null));
    VTimeZone zone = (VTimeZone) parse(ics).getComponent("VTIMEZONE").orElseThrow();
    assertThat(zone.getObservances()).extracting(Observance::getName).containsExactlyInAnyOrder("STANDARD",
        "DAYLIGHT");
    assertThat(ics.length()).as("without the zone's history").isLessThan(2_000);
    ZoneId london = ZoneId.of("Europe/London");
    for (LocalDateTime day = LocalDateTime.parse("2026-01-01T12:00"); day.getYear() < 2031; day = day.plusDays(1)) {
      ZonedDateTime local = day.atZone(london);
      Observance observance = zone.getApplicableObservance(local);
      TzOffsetTo offset = observance.<TzOffsetTo>getProperty("TZOFFSETTO").orElseThrow();
      assertThat(offset.getOffset()).as(day.toString()).isEqualTo(local.getOffset());
    }
  }

  @Test
  @DisplayName("CON-1 a session in summer is at its local time in British Summer Time")
  void a_planned_session_in_summer() throws Exception {
    Instant start = Instant.parse("2026-07-15T09:00:00Z");
    Calendar calendar = parse(CalendarInvites.ics(invite(start, 0, false, null)));
    VEvent event = event(calendar);
    assertThat(start(event).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-07-15T10:00"));
    assertThat(start(event).toInstant()).isEqualTo(start);
    assertThat(event.getLocation()).as("no location given, none in the event").isEmpty();
  }

  @Test
  @DisplayName("SES-4 a moved session updates the same event with a higher sequence; a cancelled one cancels it")
  void moved_and_cancelled() throws Exception {
    VEvent planned = event(parse(CalendarInvites.ics(invite(Instant.parse("2026-03-17T10:00:00Z"), 0, false, "Teams"))));
    VEvent moved = event(parse(CalendarInvites.ics(invite(Instant.parse("2026-03-20T14:00:00Z"), 1, false, "Teams"))));
    Calendar cancelled = parse(CalendarInvites.ics(invite(Instant.parse("2026-03-20T14:00:00Z"), 2, true, "Teams")));

    assertThat(moved.getUid()).isEqualTo(planned.getUid());
    assertThat(moved.getSequence().orElseThrow().getSequenceNo()).isEqualTo(1);
    assertThat(start(moved).toInstant()).isEqualTo(Instant.parse("2026-03-20T14:00:00Z"));
    assertThat(cancelled.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    assertThat(event(cancelled).getUid()).isEqualTo(planned.getUid());
    assertThat(event(cancelled).getStatus().orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(event(cancelled).getSequence().orElseThrow().getSequenceNo()).isEqualTo(2);
  }

  @Test
  @DisplayName("text with commas, semicolons and new lines is escaped by the library and reads back the same")
  void text_round_trips() throws Exception {
    String location = "Room 4; Trust HQ, 1 Main St\nSecond floor";
    VEvent event = event(parse(CalendarInvites.ics(invite(Instant.parse("2026-02-01T10:00:00Z"), 0, false, location))));
    assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo(location);
  }
}

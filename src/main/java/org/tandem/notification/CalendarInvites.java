package org.tandem.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The calendar invitation (RFC 5545, iTIP) that goes with a coaching session's mail: a request while the session is
 * planned or moved, a cancellation once it is cancelled (SES-4), its times in London time.
 */
final class CalendarInvites {

  static final String PRODUCT_ID = "-//Tandem//Coaching sessions//EN";

  /** The zone sessions are planned in; its VTIMEZONE comes from the definitions bundled with ical4j. */
  static final String ZONE = "Europe/London";

  private static final ZoneId LONDON = ZoneId.of(ZONE);

  /** ical4j's registry of its bundled zone definitions (never updated over the network: ical4j.properties). */
  private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

  private CalendarInvites() {
  }

  /** A session as a calendar event (RFC 5545) for one attendee. */
  record Invite(String uid, int sequence, boolean cancelled, Instant start, int minutes, String summary,
      String description, String location, String organizerEmail, String organizerName, String attendeeEmail,
      String attendeeName, Instant stamp) {

    Invite {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(stamp, "stamp");
      Objects.requireNonNull(organizerEmail, "organizerEmail");
      Objects.requireNonNull(attendeeEmail, "attendeeEmail");
      if (sequence < 0) {
        throw new IllegalArgumentException("A sequence is never negative: " + sequence);
      }
      if (minutes <= 0) {
        throw new IllegalArgumentException("A session lasts some minutes: " + minutes);
      }
    }
  }

  /** The event's UID of a relationship's session, the same however often the session moves. */
  static String uid(String relationshipId, int number) {
    return "session-" + relationshipId + "-" + number + "@tandem";
  }

  /**
   * The zone with only the observances that still recur (summer and winter time as they are today): the invitations
   * are for sessions from now on, and the zone's history back to 1847 would only make every file 8 kB longer.
   */
  static VTimeZone inForce(VTimeZone zone) {
    List<Observance> current = zone.getObservances().stream()
        .filter(observance -> observance.<RRule<?>>getProperty(Property.RRULE)
            .map(rule -> rule.getRecur().getUntil() == null).orElse(false))
        .toList();
    if (current.isEmpty()) {
      return zone;
    }
    VTimeZone trimmed = (VTimeZone) zone.copy();
    trimmed.setComponentList(new ComponentList<>(current));
    return trimmed;
  }

  /** The invitation as iCalendar text, its lines folded and its text escaped by ical4j. */
  static String ics(Invite invite) {
    TimeZone london = ZONES.getTimeZone(ZONE);
    if (london == null) {
      throw new IllegalStateException("ical4j has no definition of the time zone " + ZONE);
    }
    VTimeZone timeZone = inForce(london.getVTimeZone());

    ZonedDateTime start = invite.start().atZone(LONDON);
    ZonedDateTime end = start.plus(Duration.ofMinutes(invite.minutes()));

    VEvent event = new VEvent(false);
    event.add(new Uid(invite.uid()));
    event.add(new Sequence(invite.sequence()));
    event.add(new DtStamp(invite.stamp()));
    event.add(new DtStart<>(start));
    event.add(new DtEnd<>(end));
    event.add(new Summary(text(invite.summary())));
    if (!blank(invite.description())) {
      event.add(new Description(invite.description()));
    }
    if (!blank(invite.location())) {
      event.add(new Location(invite.location()));
    }
    Organizer organizer = new Organizer(mailto(invite.organizerEmail()));
    if (!blank(invite.organizerName())) {
      organizer.add(new Cn(invite.organizerName()));
    }
    event.add(organizer);
    Attendee attendee = new Attendee(mailto(invite.attendeeEmail()));
    attendee.add(Role.REQ_PARTICIPANT);
    attendee.add(PartStat.NEEDS_ACTION);
    attendee.add(Rsvp.FALSE);
    if (!blank(invite.attendeeName())) {
      attendee.add(new Cn(invite.attendeeName()));
    }
    event.add(attendee);
    event.add(invite.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(invite.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    calendar.add(timeZone);
    calendar.add(event);

    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("The invitation for " + invite.uid() + " is no valid iCalendar", e);
    }
    return out.toString();
  }

  private static URI mailto(String email) {
    return URI.create("mailto:" + email.trim());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

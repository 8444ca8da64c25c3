package org.tandem.notification;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.session.SessionScheduled;

/**
 * Calendar invitations for sessions (CON-1, SES-4): to the coach and the client when a session is planned, an update
 * of the same event with a higher {@code SEQUENCE} when it moves, and a cancellation when it will not be held.
 */
@Component
class SessionInvites {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

  private final Outbox outbox;
  private final Preferences preferences;

  SessionInvites(Outbox outbox, Preferences preferences) {
    this.outbox = outbox;
    this.preferences = preferences;
  }

  @EventListener
  void scheduled(SessionScheduled session) {
    String when = DAY.format(session.start().atZone(preferences.zone()));
    String subject = session.cancelled() ? "Cancelled: session " + session.number() + " on " + when
        : session.previousStart() != null ? "Moved: session " + session.number() + " is now on " + when
        : "Session " + session.number() + " planned: " + when;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("uid", CalendarInvites.uid(session.relationshipId(), session.number()));
    params.put("number", session.number());
    params.put("sequence", session.sequence());
    params.put("cancelled", session.cancelled());
    params.put("start", session.start().toString());
    if (session.previousStart() != null) {
      params.put("previousStart", session.previousStart().toString());
    }
    params.put("minutes", session.minutes());
    params.put("format", session.format());
    params.put("location", session.location());
    for (String person : List.of(session.coachId(), session.clientId())) {
      outbox.enqueue(new Notice("session:" + session.relationshipId() + ":" + session.number() + ":"
          + session.sequence() + (session.cancelled() ? ":cancel:" : ":") + person, Notice.Kind.SESSION_INVITE,
          person, subject, session.relationshipId(), null, params, null));
    }
  }
}

package org.tandem.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.common.InvalidInputException;
import org.tandem.common.NotFoundException;
import org.tandem.common.NotPermittedException;
import org.tandem.identity.Callers;
import org.tandem.identity.Roles;

/**
 * The outbox over HTTP: coordinators and administrators see every notification's state (what failed, what is kept
 * while mail is off) and try a failed one again; each person reads their own and chooses how new-task mails reach
 * them.
 */
@RestController
@RequestMapping("/api")
class NotificationController {

  private static final List<String> STATES = List.of(Outbox.PENDING, Outbox.SENT, Outbox.FAILED, Outbox.CANCELLED,
      Outbox.KEPT, Outbox.NO_ADDRESS);

  /** A notification as the API shows it: what, to whom, where it stands; never the mail's text. */
  record NotificationView(long id, Notice.Kind kind, String recipientId, String subject, String relationshipId,
      String taskId, String state, Instant createdAt, Instant sendAfter, int attempts, String lastError,
      Instant sentAt) {

    static NotificationView of(Outbox.Entry entry) {
      return new NotificationView(entry.id(), entry.kind(), entry.recipientId(), entry.subject(),
          entry.relationshipId(), entry.taskId(), entry.state(), entry.createdAt(), entry.sendAfter(),
          entry.attempts(), entry.lastError(), entry.sentAt());
    }
  }

  /** The outbox at a glance. */
  record Summary(boolean mailOn, Map<String, Long> states) {
  }

  /** How new-task mails reach a person. */
  record Delivery(String delivery) {
  }

  private final Outbox outbox;
  private final Preferences preferences;
  private final ObjectProvider<JavaMailSender> mail;

  NotificationController(Outbox outbox, Preferences preferences, ObjectProvider<JavaMailSender> mail) {
    this.outbox = outbox;
    this.preferences = preferences;
    this.mail = mail;
  }

  @GetMapping("/notifications/summary")
  Summary summary(Authentication caller) {
    requireCoordinator(caller);
    return new Summary(mail.getIfAvailable() != null, outbox.counts());
  }

  /** The newest notifications first, in a state if one is given (e.g. FAILED), to a person if one is given. */
  @GetMapping("/notifications")
  List<NotificationView> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) String recipient, @RequestParam(defaultValue = "100") int limit,
      Authentication caller) {
    requireCoordinator(caller);
    if (state != null && !STATES.contains(state)) {
      throw new InvalidInputException("state", "Choose one of " + String.join(", ", STATES) + ".");
    }
    return outbox.list(state, recipient, limit(limit)).stream().map(NotificationView::of).toList();
  }

  /** A failed notification is tried again, from now. */
  @PostMapping("/notifications/{id}/retry")
  NotificationView retry(@PathVariable long id, Authentication caller) {
    requireCoordinator(caller);
    if (!outbox.retry(id)) {
      throw new NotFoundException("No undelivered notification " + id
          + " (only failed, kept or unaddressed ones are sent again).");
    }
    return outbox.find(id).map(NotificationView::of).orElseThrow();
  }

  /** The caller's own notifications, the newest first. */
  @GetMapping("/me/notifications")
  List<NotificationView> mine(@RequestParam(defaultValue = "100") int limit, Authentication caller) {
    return outbox.list(null, caller.getName(), limit(limit)).stream().map(NotificationView::of).toList();
  }

  @GetMapping("/me/notification-preference")
  Delivery preference(Authentication caller) {
    return new Delivery(preferences.of(caller.getName()).name());
  }

  /** {@code {"delivery": "DAILY_DIGEST"}} or {@code {"delivery": "IMMEDIATE"}}. */
  @PutMapping("/me/notification-preference")
  Delivery choose(@RequestBody Delivery delivery, Authentication caller) {
    return new Delivery(preferences.choose(caller.getName(), delivery == null ? null : delivery.delivery()).name());
  }

  private static int limit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidInputException("limit", "Ask for 1 to 1000 notifications.");
    }
    return limit;
  }

  private static void requireCoordinator(Authentication caller) {
    if (!Callers.isCoordinator(caller) && !Callers.hasRole(caller, Roles.ADMINS)) {
      throw new NotPermittedException("Only coordinators and administrators see the outbox.");
    }
  }
}

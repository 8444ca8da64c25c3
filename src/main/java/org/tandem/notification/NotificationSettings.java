package org.tandem.notification;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are sent (README, "Notifications"). Whether they are emailed at all follows from
 * {@code spring.mail.host}: without it, they are kept in the outbox and shown to coordinators.
 *
 * @param baseUrl the address people open the product at, for the links in mails
 * @param from the sender of every mail
 * @param pollInterval how often the worker looks for notifications that are due
 * @param workerEnabled whether this node sends the outbox's notifications (several nodes may: each row is sent once)
 * @param maxAttempts how often a send is tried before the notification is marked failed for coordinators
 * @param firstRetry the wait before the second attempt; it doubles for each later one
 * @param remindBefore how long before a task's due date its holder is reminded
 * @param escalateAfter how long after a task's due date the coordinators are told that it waits
 * @param digestAt when the daily digest of new tasks is sent, in the programme's time zone
 */
@ConfigurationProperties("tandem.notifications")
record NotificationSettings(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("Tandem coaching programme <tandem@localhost>") String from,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("true") boolean workerEnabled,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("2d") Duration remindBefore,
    @DefaultValue("1d") Duration escalateAfter,
    @DefaultValue("07:30") LocalTime digestAt) {

  NotificationSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("tandem.notifications.max-attempts must be at least 1, not " + maxAttempts);
    }
    requirePositive("poll-interval", pollInterval);
    requirePositive("first-retry", firstRetry);
    requirePositive("remind-before", remindBefore);
    if (escalateAfter == null || escalateAfter.isNegative()) {
      throw new IllegalArgumentException("tandem.notifications.escalate-after must not be negative");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("tandem.notifications." + name + " must be a positive duration, not " + value);
    }
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones: 1, 2, 4, 8 … times the first. */
  Duration retryAfter(int attempt) {
    return firstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
  }

  /** The Tasklist page of a task. */
  String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}

package org.tandem.notification;

import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OutboxWorker} every {@code tandem.notifications.poll-interval} on a thread of its own, once the
 * application is ready; says at start whether mail is on. With {@code tandem.notifications.worker-enabled=false} this
 * node sends nothing (another node does, or a test calls the worker itself).
 */
@Component
class OutboxPoller {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);

  private final OutboxWorker worker;
  private final NotificationSettings settings;
  private final ObjectProvider<JavaMailSender> mail;
  private ThreadPoolTaskScheduler scheduler;
  private ScheduledFuture<?> polling;

  OutboxPoller(OutboxWorker worker, NotificationSettings settings, ObjectProvider<JavaMailSender> mail) {
    this.worker = worker;
    this.settings = settings;
    this.mail = mail;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (mail.getIfAvailable() == null) {
      LOG.info("Mail is off (no spring.mail.host): notifications are kept in the outbox, shown to coordinators at "
          + "/api/notifications, and not sent");
    } else {
      LOG.info("Mail is on: notifications are sent from {} with links to {}", settings.from(), settings.baseUrl());
    }
    if (!settings.workerEnabled()) {
      LOG.info("This node does not send notifications (tandem.notifications.worker-enabled=false)");
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("outbox-");
    scheduler.setPoolSize(1);
    scheduler.initialize();
    polling = scheduler.scheduleWithFixedDelay(this::poll, java.time.Instant.now().plusSeconds(1),
        settings.pollInterval());
  }

  private void poll() {
    try {
      worker.sendDue();
    } catch (RuntimeException e) {
      LOG.warn("The outbox could not be worked this time; trying again in {}: {}", settings.pollInterval(),
          e.getMessage());
    }
  }

  @EventListener(ContextClosedEvent.class)
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}

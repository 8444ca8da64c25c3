package org.tandem.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.privacy.ErasureHeld;

/** Tells a person why their erasure request is held (DP-2). */
@Component
class ErasureNotifications {

  private final Notifications notifications;

  ErasureNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void held(ErasureHeld held) {
    notifications.remind("erasure-held:" + held.requestId() + ":" + org.tandem.common.EngineTime.now(),
        held.raisedBy(), null, "Your request " + held.requestId() + " to erase data is held",
        "A coordinator holds the request for now: " + held.reason());
  }
}

package org.tandem.register;

import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tandem.common.EngineTime;
import org.tandem.contracting.SessionFormat;

/**
 * With the demo users, the demo coaches are on the register too, so that a demo client's request finds a shortlist
 * (README, "Demo logins"). Created only where missing.
 */
@Component
@ConditionalOnProperty(name = "tandem.identity.demo-users", havingValue = "true")
class RegisterDemoData implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterDemoData.class);

  private final ProfileRepository profiles;

  RegisterDemoData(ProfileRepository profiles) {
    this.profiles = profiles;
  }

  @Override
  public void afterSingletonsInstantiated() {
    demo(new Application("colin", "Colin", "Marsh", "colin@example.org", true, true,
        new ProfileDetails(null, "Birmingham Community NHS Trust", Qualification.ILM_LEVEL_7, null, true, false, null,
            EnumSet.of(Specialism.LEADERSHIP, Specialism.CHANGE, Specialism.TEAMS),
            EnumSet.of(SessionFormat.VIRTUAL, SessionFormat.IN_PERSON), Set.of("Birmingham"), 4),
        true, true));
    demo(new Application("chloe", "Chloe", "Ahmed", "chloe@example.org", true, false,
        new ProfileDetails(null, "Coventry and Warwickshire Partnership Trust", Qualification.ILM_LEVEL_5, null,
            false, false, null, EnumSet.of(Specialism.CONFIDENCE, Specialism.CAREER_DEVELOPMENT),
            EnumSet.of(SessionFormat.VIRTUAL, SessionFormat.HYBRID), Set.of("Coventry"), 3),
        false, true));
  }

  private void demo(Application application) {
    if (!profiles.exists(application.userId())) {
      profiles.insert(application, ProfileRules.normalise(application.details().locations()), EngineTime.now());
      profiles.status(application.userId(), ProfileStatus.LISTED, null, EngineTime.now());
      LOG.info("Demo profile '{}' listed on the register", application.userId());
    }
  }
}

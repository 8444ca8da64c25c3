package org.tandem.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfidentialFieldsTest {

  @Test
  @DisplayName("SES-2 fields named confidential... are shared by coach and client, private... by their author only")
  void naming() {
    assertThat(ConfidentialFields.isConfidential("confidentialKeyPoints")).isTrue();
    assertThat(ConfidentialFields.visibility("confidentialKeyPoints")).isEqualTo(ConfidentialFields.Visibility.PAIR);
    assertThat(ConfidentialFields.isConfidential("privateLearnt")).isTrue();
    assertThat(ConfidentialFields.visibility("privateLearnt")).isEqualTo(ConfidentialFields.Visibility.AUTHOR);
    assertThat(ConfidentialFields.isConfidential("confidentiality")).isFalse();
    assertThat(ConfidentialFields.isConfidential("privately")).isFalse();
    assertThat(ConfidentialFields.isConfidential("location")).isFalse();
  }

  @Test
  @DisplayName("EVA-4 anonymous answers are kept from the engine's history too, but not as notes")
  void anonymous() {
    assertThat(ConfidentialFields.isAnonymous("anonymousOverall")).isTrue();
    assertThat(ConfidentialFields.isConfidential("anonymousOverall")).isFalse();
    assertThat(ConfidentialFields.isKeptFromHistory("anonymousOverall")).isTrue();
    assertThat(ConfidentialFields.isKeptFromHistory("confidentialActions")).isTrue();
    assertThat(ConfidentialFields.isKeptFromHistory("sessionNumber")).isFalse();
  }
}

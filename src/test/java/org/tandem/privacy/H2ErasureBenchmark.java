package org.tandem.privacy;

import org.tandem.support.TandemSpringBootTest;

/** The erasure benchmark on H2 in memory. */
@TandemSpringBootTest
class H2ErasureBenchmark extends ErasureBenchmark {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}

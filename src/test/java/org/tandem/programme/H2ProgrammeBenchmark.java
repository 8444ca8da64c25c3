package org.tandem.programme;

import org.tandem.support.TandemSpringBootTest;

/** The programme API benchmark on H2 in memory. */
@TandemSpringBootTest
class H2ProgrammeBenchmark extends ProgrammeBenchmark {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}

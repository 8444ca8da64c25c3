package org.tandem;

import org.tandem.support.TandemSpringBootTest;

/** The whole relationship on H2. */
@TandemSpringBootTest
class H2WholeRelationshipTest extends WholeRelationshipTest {

}

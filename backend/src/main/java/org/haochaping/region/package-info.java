@NullMarked
package org.haochaping.region;

import org.jspecify.annotations.NullMarked;

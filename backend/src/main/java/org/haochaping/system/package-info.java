@NullMarked
package org.haochaping.system;

import org.jspecify.annotations.NullMarked;

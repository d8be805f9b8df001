@NullMarked
package org.haochaping.identity;

import org.jspecify.annotations.NullMarked;

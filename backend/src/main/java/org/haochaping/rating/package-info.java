@NullMarked
package org.haochaping.rating;

import org.jspecify.annotations.NullMarked;

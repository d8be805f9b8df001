@NullMarked
package org.haochaping.media;

import org.jspecify.annotations.NullMarked;

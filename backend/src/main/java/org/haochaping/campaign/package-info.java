@NullMarked
package org.haochaping.campaign;

import org.jspecify.annotations.NullMarked;

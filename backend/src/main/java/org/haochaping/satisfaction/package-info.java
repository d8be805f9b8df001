@NullMarked
package org.haochaping.satisfaction;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.haochaping.system.store;

import org.jspecify.annotations.NullMarked;

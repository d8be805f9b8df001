@NullMarked
package org.haochaping.identity.local;

import org.jspecify.annotations.NullMarked;

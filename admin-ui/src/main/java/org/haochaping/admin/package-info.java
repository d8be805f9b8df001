@NullMarked
package org.haochaping.admin;

import org.jspecify.annotations.NullMarked;

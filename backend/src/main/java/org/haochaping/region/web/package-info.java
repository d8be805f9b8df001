@NullMarked
package org.haochaping.region.web;

import org.jspecify.annotations.NullMarked;

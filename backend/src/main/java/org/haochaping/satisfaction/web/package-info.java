@NullMarked
package org.haochaping.satisfaction.web;

import org.jspecify.annotations.NullMarked;

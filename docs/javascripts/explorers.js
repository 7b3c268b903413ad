// Interactive explorers for the likelihood and NLL chapters.
//
// A page asks for an explorer with a plain element that Markdown can hold:
//   <div class="explorer nll-explorer" data-probs="0.1 0.3 0.5 0.1" data-true-class="4">
//   <div class="explorer likelihood-explorer" data-points="48.8 49.3 ...">
// whose content is a fallback sentence for readers without JavaScript. This file
// replaces that content with native, labelled form controls and inline SVG.
// No libraries, nothing fetched: the arithmetic is a few lines of Math.
// Colours come from Material's CSS variables (see stylesheets/explorers.css), so the
// widgets follow the light and dark schemes.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var MINUS = "\u2212";
  var counter = 0;

  // ---------- small helpers ----------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function s(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
  }

  function append(node, children) {
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
  }

  function uid(prefix) {
    counter += 1;
    return prefix + "-" + counter;
  }

  // Fixed-point text with a real minus sign; never "-0.0000".
  function fixed(x, digits) {
    if (x === Infinity) return "\u221e";
    if (Math.abs(x) < 0.5 * Math.pow(10, -digits)) x = 0;
    var text = x.toFixed(digits);
    return text.charAt(0) === "-" ? MINUS + text.slice(1) : text;
  }

  // Scientific notation with `significant` digits: [mantissa, exponent] as text.
  function scientific(x, significant) {
    if (x === 0) return ["0", "0"];
    var exponent = Math.floor(Math.log10(Math.abs(x)));
    var mantissa = x / Math.pow(10, exponent);
    var text = mantissa.toFixed(significant - 1);
    if (Math.abs(parseFloat(text)) >= 10) {
      exponent += 1;
      text = (x / Math.pow(10, exponent)).toFixed(significant - 1);
    }
    return [text, exponent < 0 ? MINUS + String(-exponent) : String(exponent)];
  }

  // [mantissa, exponent] -> nodes for "m × 10^e" with a real superscript.
  function power(parts) {
    return [parts[0] + " \u00d7 10", h("sup", { text: parts[1] })];
  }

  function numbers(text) {
    return String(text || "").split(/[\s,]+/).filter(Boolean).map(Number);
  }

  // ---------- NLL explorer ----------

  // Probabilities are kept in integer thousandths that always add up to exactly 1000,
  // so the numbers a reader sees are exactly the numbers the loss is computed from.
  var SCALE = 1000;

  // Set class j to v thousandths; scale the other classes by one common factor so the
  // total stays 1000 (their ratios are kept). Each is rounded to a thousandth and what
  // rounding leaves over (at most a thousandth or two) goes to the largest of them.
  function renormalise(k, j, v) {
    var next = k.slice();
    var rest = SCALE - v;
    var others = [];
    var total = 0;
    for (var i = 0; i < k.length; i += 1) {
      if (i !== j) {
        others.push(i);
        total += k[i];
      }
    }
    next[j] = v;
    others.forEach(function (i) {
      next[i] = total > 0 ? Math.round(k[i] * rest / total) : Math.floor(rest / others.length);
    });
    var used = others.reduce(function (sum, i) { return sum + next[i]; }, 0);
    var largest = others.reduce(function (best, i) { return next[i] > next[best] ? i : best; }, others[0]);
    next[largest] += rest - used;
    return next;
  }

  function initNll(root) {
    var probs = numbers(root.getAttribute("data-probs"));
    if (probs.length < 2) probs = [0.1, 0.3, 0.5, 0.1];
    // Accept any non-negative weights; scale them to thousandths that add up to 1000.
    probs = probs.map(function (p) { return isFinite(p) && p > 0 ? p : 0; });
    var sum = probs.reduce(function (a, b) { return a + b; }, 0) || 1;
    var k = probs.map(function (p) { return Math.round(p * SCALE / sum); });
    k = renormalise(k, 0, k[0]);
    var n = k.length;
    var truth = Math.min(n, Math.max(1, parseInt(root.getAttribute("data-true-class") || n, 10))) - 1;
    var id = uid("nll");

    // True class: a native radio group.
    var radios = [];
    var classField = h("fieldset", { class: "explorer-field" }, [h("legend", { text: "True class (the observed label)" })]);
    for (var c = 0; c < n; c += 1) {
      var radio = h("input", { type: "radio", name: id + "-truth", id: id + "-truth-" + c, value: String(c) });
      radio.checked = c === truth;
      radios.push(radio);
      classField.appendChild(h("label", { class: "explorer-choice", for: radio.id }, [radio, " class " + (c + 1)]));
    }

    // The slider: probability of the true class.
    var slider = h("input", { type: "range", id: id + "-slider", min: "0.001", max: "1", step: "0.001", "data-role": "true-prob-slider" });
    var sliderLabel = h("label", { for: slider.id });
    var sliderValue = h("output", { for: slider.id, class: "explorer-value" });
    var sliderRow = h("div", { class: "explorer-row" }, [sliderLabel, slider, sliderValue]);

    // The editor: one number field per class.
    var fields = [];
    var editor = h("fieldset", { class: "explorer-field" }, [h("legend", { text: "The model's probabilities" })]);
    var grid = h("div", { class: "explorer-probs" });
    for (var e = 0; e < n; e += 1) {
      var field = h("input", { type: "number", id: id + "-p-" + e, min: "0", max: "1", step: "0.001", inputmode: "decimal", "data-role": "prob", "data-class": String(e) });
      fields.push(field);
      grid.appendChild(h("label", { for: field.id }, ["class " + (e + 1), field]));
    }
    var total = h("span", { "data-role": "total" });
    editor.appendChild(grid);
    editor.appendChild(h("p", { class: "explorer-note" }, [
      "Change one probability (type a value and press Enter, or use the arrow keys) and the others ",
      "are multiplied by one common factor, so they keep their ratios and all of them still add up to 1. ",
      "Values are kept to three decimals; what rounding leaves over goes to the largest of the others. ",
      "While you keep changing the same one, the others are scaled from where they stood before you ",
      "started, so moving back restores them (if they all stood at 0, they share what is left equally). Sum: ",
      total, "."]));

    // The one-hot dot product, position by position.
    var headRow = h("tr", {}, [h("th", { scope: "row", text: "position k" })]);
    var oneHotRow = h("tr", {}, [h("th", { scope: "row", text: "one-hot label y\u2096" })]);
    var probRow = h("tr", {}, [h("th", { scope: "row", text: "probability \u0177\u2096" })]);
    var productRow = h("tr", {}, [h("th", { scope: "row", text: "product y\u2096\u00b7\u0177\u2096" })]);
    var cells = [];
    for (var t = 0; t < n; t += 1) {
      headRow.appendChild(h("td", { text: String(t + 1) }));
      var cell = { y: h("td"), p: h("td"), product: h("td") };
      oneHotRow.appendChild(cell.y);
      probRow.appendChild(cell.p);
      productRow.appendChild(cell.product);
      cells.push(cell);
    }
    var table = h("table", { class: "explorer-table", "aria-describedby": id + "-table-note" }, [
      h("tbody", {}, [headRow, oneHotRow, probRow, productRow])]);
    var tableNote = h("p", { class: "explorer-note", id: id + "-table-note",
      text: "The likelihood of this one label is the dot product of the one-hot label and the probabilities: pair the entries position by position, multiply, then add." });
    var dot = h("p", { class: "explorer-formula", "data-role": "dot-product" });
    var result = h("p", { class: "explorer-result", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    var loss = h("strong", { "data-role": "loss" });
    var pText = h("span", { "data-role": "true-prob" });
    var comment = h("span", { class: "explorer-comment" });
    append(result, ["Loss = \u2212ln ", pText, " = ", loss, " nats. ", comment]);

    // The -ln p curve.
    var plot = nllPlot();

    var form = h("div", { class: "explorer-body" }, [
      h("div", { class: "explorer-controls" }, [classField, sliderRow, editor]),
      h("div", { class: "explorer-output" }, [result, table, tableNote, dot, plot.svg])]);
    root.textContent = "";
    root.appendChild(form);

    function render(except) {
      var pk = k[truth];
      var p = pk / SCALE;
      sliderLabel.textContent = "Probability given to the true class (class " + (truth + 1) + ")";
      slider.value = String(Math.max(1, pk) / SCALE);
      sliderValue.textContent = p.toFixed(3);
      fields.forEach(function (field, i) {
        if (field !== except) field.value = (k[i] / SCALE).toFixed(3);
        field.parentNode.classList.toggle("explorer-true", i === truth);
      });
      total.textContent = (k.reduce(function (a, b) { return a + b; }, 0) / SCALE).toFixed(3);
      var terms = [];
      cells.forEach(function (cell, i) {
        var y = i === truth ? 1 : 0;
        cell.y.textContent = String(y);
        cell.p.textContent = (k[i] / SCALE).toFixed(3);
        cell.product.textContent = ((y * k[i]) / SCALE).toFixed(3);
        [cell.y, cell.p, cell.product].forEach(function (td) { td.classList.toggle("explorer-true", i === truth); });
        terms.push(y + "\u00b7" + (k[i] / SCALE).toFixed(3));
      });
      dot.textContent = "L = y \u00b7 \u0177 = " + terms.join(" + ") + " = " + p.toFixed(3);
      var value = pk === 0 ? Infinity : -Math.log(p);
      pText.textContent = p.toFixed(3);
      loss.textContent = fixed(value, 4);
      comment.textContent = pk === 0
        ? "The model ruled out what happened: the loss is infinite."
        : pk === SCALE ? "A certain, correct prediction: nothing to learn." : "";
      plot.update(p, value);
    }

    // While the reader keeps changing the same class (dragging, or pressing an arrow key
    // again and again), the others are scaled from where they stood before the first
    // change, not from their rounded values of one step ago: rounding errors cannot pile
    // up, and moving back to the start restores them exactly.
    var anchor = null;
    function setProbability(j, v) {
      if (!anchor || anchor.j !== j) anchor = { j: j, k: k.slice() };
      k = renormalise(anchor.k, j, v);
    }

    radios.forEach(function (radio, i) {
      radio.addEventListener("change", function () {
        if (radio.checked) {
          truth = i;
          anchor = null;
          render();
        }
      });
    });
    slider.addEventListener("input", function () {
      var v = Math.round(parseFloat(slider.value) * SCALE);
      if (isFinite(v)) {
        setProbability(truth, Math.min(SCALE, Math.max(1, v)));
        render();
      }
    });
    fields.forEach(function (field, i) {
      field.addEventListener("change", function () {
        var v = Math.round(parseFloat(field.value) * SCALE);
        if (isFinite(v)) setProbability(i, Math.min(SCALE, Math.max(0, v)));
        render();
      });
    });
    render();
  }

  function nllPlot() {
    var W = 420, H = 250, left = 44, right = 16, top = 14, bottom = 40;
    var yMax = 7;
    function X(p) { return left + p * (W - left - right); }
    function Y(v) { return top + (1 - v / yMax) * (H - top - bottom); }
    var titleId = uid("nll-plot-title");
    var svg = s("svg", { class: "explorer-plot", viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": titleId }, [
      s("title", { id: titleId, text: "The loss \u2212ln p against the probability p given to the true class; the dot marks the current prediction." })]);
    var axes = s("g", { class: "explorer-axes" });
    axes.appendChild(s("line", { x1: X(0), y1: Y(0), x2: X(1), y2: Y(0) }));
    axes.appendChild(s("line", { x1: X(0), y1: Y(0), x2: X(0), y2: Y(yMax) }));
    [0, 0.25, 0.5, 0.75, 1].forEach(function (p) {
      axes.appendChild(s("line", { x1: X(p), y1: Y(0), x2: X(p), y2: Y(0) + 4 }));
      axes.appendChild(s("text", { x: X(p), y: Y(0) + 16, "text-anchor": "middle", text: String(p) }));
    });
    [0, 1, 2, 3, 4, 5, 6, 7].forEach(function (v) {
      axes.appendChild(s("line", { x1: X(0) - 4, y1: Y(v), x2: X(0), y2: Y(v) }));
      axes.appendChild(s("text", { x: X(0) - 7, y: Y(v) + 4, "text-anchor": "end", text: String(v) }));
    });
    axes.appendChild(s("text", { x: (X(0) + X(1)) / 2, y: H - 4, "text-anchor": "middle", text: "p, the probability given to the true class" }));
    axes.appendChild(s("text", { x: 12, y: (Y(0) + Y(yMax)) / 2, "text-anchor": "middle", transform: "rotate(-90 12 " + (Y(0) + Y(yMax)) / 2 + ")", text: MINUS + "ln p (nats)" }));
    svg.appendChild(axes);
    var points = [];
    var pMin = Math.exp(-yMax);
    for (var i = 0; i <= 240; i += 1) {
      var u = i / 240;
      var p = pMin + (1 - pMin) * u * u;
      points.push(X(p).toFixed(2) + "," + Y(-Math.log(p)).toFixed(2));
    }
    svg.appendChild(s("polyline", { class: "explorer-curve", points: points.join(" ") }));
    var guides = s("polyline", { class: "explorer-guide" });
    var dotMark = s("circle", { class: "explorer-point", r: "6" });
    var label = s("text", { class: "explorer-point-label" });
    svg.appendChild(guides);
    svg.appendChild(dotMark);
    svg.appendChild(label);
    return {
      svg: svg,
      update: function (p, value) {
        var shown = value === Infinity ? yMax : Math.min(value, yMax);
        var x = X(p), y = Y(shown);
        guides.setAttribute("points", X(0) + "," + y + " " + x + "," + y + " " + x + "," + Y(0));
        dotMark.setAttribute("cx", x);
        dotMark.setAttribute("cy", y);
        label.setAttribute("x", p > 0.6 ? x - 10 : x + 10);
        label.setAttribute("y", Math.max(y - 10, top + 10));
        label.setAttribute("text-anchor", p > 0.6 ? "end" : "start");
        label.textContent = "(" + p.toFixed(3) + ", " + fixed(value, 3) + ")";
      },
    };
  }

  // ---------- Likelihood explorer ----------

  var LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  // ln of the normal density: -(x - mu)^2 / (2 sigma^2) - ln sigma - ln sqrt(2 pi).
  function logDensity(x, mu, sigma) {
    var z = (x - mu) / sigma;
    return -0.5 * z * z - Math.log(sigma) - LN_SQRT_2PI;
  }

  function logLikelihood(data, mu, sigma) {
    return data.reduce(function (sum, x) { return sum + logDensity(x, mu, sigma); }, 0);
  }

  function initLikelihood(root) {
    var data = numbers(root.getAttribute("data-points")).filter(isFinite);
    if (!data.length) return;
    // The maximum likelihood estimate of a normal: the sample mean and the population
    // standard deviation (divide by n, not n - 1).
    var muHat = data.reduce(function (a, b) { return a + b; }, 0) / data.length;
    var sigmaHat = Math.sqrt(data.reduce(function (a, x) { return a + (x - muHat) * (x - muHat); }, 0) / data.length);
    var bestLog = logLikelihood(data, muHat, sigmaHat);
    var range = { mu: [40, 65], sigma: [2, 12] };
    var state = {
      mu: parseFloat(root.getAttribute("data-mu")) || 50,
      sigma: parseFloat(root.getAttribute("data-sigma")) || 5,
    };
    var id = uid("lik");

    function control(name, symbol, description) {
      var slider = h("input", { type: "range", id: id + "-" + name, min: String(range[name][0]), max: String(range[name][1]), step: "0.01", "data-role": name + "-slider" });
      var number = h("input", { type: "number", id: id + "-" + name + "-n", min: String(range[name][0]), max: String(range[name][1]), step: "0.001", inputmode: "decimal", "data-role": name + "-number", "aria-label": symbol + ", " + description + ", exact value" });
      var row = h("div", { class: "explorer-row" }, [h("label", { for: slider.id, text: symbol + ", " + description }), slider, number]);
      function clamp(v) { return Math.min(range[name][1], Math.max(range[name][0], v)); }
      slider.addEventListener("input", function () {
        state[name] = clamp(parseFloat(slider.value));
        render();
      });
      number.addEventListener("input", function () {
        var v = parseFloat(number.value);
        if (isFinite(v) && v >= range[name][0] && v <= range[name][1]) {
          state[name] = v;
          render(number);
        }
      });
      number.addEventListener("change", function () {
        var v = parseFloat(number.value);
        if (isFinite(v)) state[name] = clamp(v);
        render();
      });
      return { row: row, slider: slider, number: number };
    }

    var muControl = control("mu", "\u03bc", "the mean");
    var sigmaControl = control("sigma", "\u03c3", "the standard deviation");
    var presets = [
      { label: "A: N(50, 5)", mu: 50, sigma: 5, role: "preset-a" },
      { label: "B: N(45, 8)", mu: 45, sigma: 8, role: "preset-b" },
      { label: "Maximum likelihood: N(" + muHat.toFixed(3) + ", " + sigmaHat.toFixed(3) + ")", mu: muHat, sigma: sigmaHat, role: "preset-mle" },
    ];
    var buttons = h("div", { class: "explorer-buttons", role: "group", "aria-label": "Jump to a distribution" });
    presets.forEach(function (preset) {
      var button = h("button", { type: "button", class: "md-button", "data-role": preset.role, text: preset.label });
      button.addEventListener("click", function () {
        state.mu = preset.mu;
        state.sigma = preset.sigma;
        render();
      });
      buttons.appendChild(button);
    });

    var rows = data.map(function (x, i) {
      var row = { x: h("td", { text: x.toFixed(4) }), f: h("td", { "data-role": "density" }), lnf: h("td", { "data-role": "log-density" }) };
      row.tr = h("tr", {}, [h("th", { scope: "row", text: String(i + 1) }), row.x, row.f, row.lnf]);
      return row;
    });
    var sumCell = h("td", { "data-role": "log-likelihood-sum" });
    var productCell = h("td", { "data-role": "likelihood-product" });
    var tableNote = h("p", { class: "explorer-note", id: id + "-table-note",
      text: "Each data point's density under N(\u03bc, \u03c3) and its log. The likelihood multiplies the densities; the log-likelihood adds their logs." });
    var table = h("table", { class: "explorer-table", "aria-describedby": tableNote.id }, [
      h("thead", {}, [h("tr", {}, ["i", "data point x\u1d62", "density f(x\u1d62)", "ln f(x\u1d62)"].map(function (text) { return h("th", { scope: "col", text: text }); }))]),
      h("tbody", {}, rows.map(function (row) { return row.tr; })),
      h("tfoot", {}, [h("tr", {}, [h("th", { scope: "row", colspan: "2", text: "all five points" }), productCell, sumCell])])]);

    var likelihood = h("span", { "data-role": "likelihood" });
    var logLik = h("strong", { "data-role": "log-likelihood" });
    var params = h("span", { "data-role": "params" });
    var gap = h("span", { "data-role": "gap" });
    var result = h("p", { class: "explorer-result", role: "status", "aria-live": "polite", "aria-atomic": "true" }, [
      "Under ", params, ": likelihood L = ", likelihood, ", log-likelihood ln L = ", logLik, ". ", gap]);
    var best = h("p", { class: "explorer-note" }, [
      "The maximum likelihood estimate, marked \u00d7 on the map and dashed on the plot, is \u03bc\u0302 = " + muHat.toFixed(3) +
      " (the sample mean) and \u03c3\u0302 = " + sigmaHat.toFixed(3) + " (the standard deviation dividing by n), where ln L = ",
      h("span", { "data-role": "best-log-likelihood", text: fixed(bestLog, 4) }),
      ". On the map, each band is one nat of log-likelihood lower than the next darker one; click it to choose \u03bc and \u03c3."]);

    var plot = densityPlot(data, muHat, sigmaHat);
    var map = likelihoodMap(data, range, muHat, sigmaHat, bestLog, presets, function (mu, sigma) {
      state.mu = mu;
      state.sigma = sigma;
      render();
    });

    root.textContent = "";
    root.appendChild(h("div", { class: "explorer-body" }, [
      h("div", { class: "explorer-controls" }, [muControl.row, sigmaControl.row, buttons]),
      h("div", { class: "explorer-output" }, [result, h("div", { class: "explorer-plots" }, [plot.svg, map.svg]), best, table, tableNote])]));

    function render(except) {
      var mu = state.mu, sigma = state.sigma;
      [[muControl, mu], [sigmaControl, sigma]].forEach(function (pair) {
        pair[0].slider.value = String(pair[1]);
        if (pair[0].number !== except) pair[0].number.value = pair[1].toFixed(3);
      });
      var total = 0;
      rows.forEach(function (row, i) {
        var lnf = logDensity(data[i], mu, sigma);
        total += lnf;
        row.f.textContent = Math.exp(lnf).toFixed(4);
        row.lnf.textContent = fixed(lnf, 4);
      });
      var parts = scientific(Math.exp(total), 4);
      params.textContent = "N(" + mu.toFixed(3) + ", " + sigma.toFixed(3) + ")";
      likelihood.textContent = "";
      append(likelihood, power(parts));
      productCell.textContent = "";
      append(productCell, ["L = "].concat(power(parts)));
      logLik.textContent = fixed(total, 4);
      sumCell.textContent = "ln L = " + fixed(total, 4);
      var below = bestLog - total;
      gap.textContent = "";
      if (below < 1e-12) {
        gap.textContent = "This is the maximum: no other \u03bc and \u03c3 explain these five points better.";
      } else {
        var ratio = Math.exp(below);
        append(gap, ["That is "].concat(
          below < 1e-3 ? power(scientific(below, 2)) : [below.toFixed(4)],
          [" below the maximum: the MLE makes these data "],
          ratio < 1000 ? [ratio.toFixed(ratio < 1.01 ? 4 : 2)] : power(scientific(ratio, 3)),
          [" times as likely."]));
      }
      plot.update(mu, sigma);
      map.update(mu, sigma);
    }
    render();
  }

  function densityPlot(data, muHat, sigmaHat) {
    var W = 420, H = 250, left = 46, right = 12, top = 12, bottom = 40;
    var x0 = 35, x1 = 70, yMax = 0.2;
    function X(x) { return left + (x - x0) / (x1 - x0) * (W - left - right); }
    function Y(v) { return top + (1 - Math.min(v, yMax) / yMax) * (H - top - bottom); }
    function curve(mu, sigma) {
      var pts = [];
      for (var i = 0; i <= 200; i += 1) {
        var x = x0 + (x1 - x0) * i / 200;
        pts.push(X(x).toFixed(2) + "," + Y(Math.exp(logDensity(x, mu, sigma))).toFixed(2));
      }
      return pts.join(" ");
    }
    var titleId = uid("density-title");
    var svg = s("svg", { class: "explorer-plot", viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": titleId }, [
      s("title", { id: titleId, text: "The normal density with the chosen mean and standard deviation over the five data points; each point's stem reaches its density. The dashed curve is the maximum likelihood fit." })]);
    var axes = s("g", { class: "explorer-axes" });
    axes.appendChild(s("line", { x1: X(x0), y1: Y(0), x2: X(x1), y2: Y(0) }));
    axes.appendChild(s("line", { x1: X(x0), y1: Y(0), x2: X(x0), y2: Y(yMax) }));
    [35, 40, 45, 50, 55, 60, 65, 70].forEach(function (x) {
      axes.appendChild(s("line", { x1: X(x), y1: Y(0), x2: X(x), y2: Y(0) + 4 }));
      axes.appendChild(s("text", { x: X(x), y: Y(0) + 16, "text-anchor": "middle", text: String(x) }));
    });
    [0, 0.05, 0.1, 0.15, 0.2].forEach(function (v) {
      axes.appendChild(s("line", { x1: X(x0) - 4, y1: Y(v), x2: X(x0), y2: Y(v) }));
      axes.appendChild(s("text", { x: X(x0) - 7, y: Y(v) + 4, "text-anchor": "end", text: v.toFixed(2) }));
    });
    axes.appendChild(s("text", { x: (X(x0) + X(x1)) / 2, y: H - 4, "text-anchor": "middle", text: "x" }));
    axes.appendChild(s("text", { x: 12, y: (Y(0) + Y(yMax)) / 2, "text-anchor": "middle", transform: "rotate(-90 12 " + (Y(0) + Y(yMax)) / 2 + ")", text: "density" }));
    svg.appendChild(axes);
    svg.appendChild(s("polyline", { class: "explorer-reference", points: curve(muHat, sigmaHat) }));
    var line = s("polyline", { class: "explorer-curve" });
    var meanLine = s("line", { class: "explorer-guide" });
    svg.appendChild(meanLine);
    svg.appendChild(line);
    var stems = data.map(function (x) {
      var stem = s("line", { class: "explorer-stem", x1: X(x), x2: X(x), y1: Y(0) });
      var top = s("circle", { class: "explorer-point", cx: X(x), r: "4" });
      svg.appendChild(stem);
      svg.appendChild(top);
      svg.appendChild(s("circle", { class: "explorer-datum", cx: X(x), cy: Y(0), r: "3.5" }));
      return { x: x, stem: stem, top: top };
    });
    return {
      svg: svg,
      update: function (mu, sigma) {
        line.setAttribute("points", curve(mu, sigma));
        setAttrs(meanLine, { x1: X(mu), x2: X(mu), y1: Y(0), y2: Y(yMax) });
        stems.forEach(function (stem) {
          var y = Y(Math.exp(logDensity(stem.x, mu, sigma)));
          stem.stem.setAttribute("y2", y);
          stem.top.setAttribute("cy", y);
        });
      },
    };
  }

  function likelihoodMap(data, range, muHat, sigmaHat, bestLog, presets, pick) {
    var W = 300, H = 250, left = 40, right = 10, top = 12, bottom = 40;
    var mu0 = range.mu[0], mu1 = range.mu[1], s0 = range.sigma[0], s1 = range.sigma[1];
    function X(mu) { return left + (mu - mu0) / (mu1 - mu0) * (W - left - right); }
    function Y(sigma) { return top + (1 - (sigma - s0) / (s1 - s0)) * (H - top - bottom); }
    var titleId = uid("map-title");
    var svg = s("svg", { class: "explorer-plot explorer-map", viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": titleId }, [
      s("title", { id: titleId, text: "The log-likelihood over mean and standard deviation: darker bands are closer to the maximum, each band one nat lower. Click to choose a mean and standard deviation." })]);
    // One group per band of one nat; cells overlap slightly so no seams show, and the
    // group's opacity (not each cell's) keeps the overlaps from darkening.
    var cells = s("g", { class: "explorer-cells" });
    var bands = [];
    for (var b = 0; b < 8; b += 1) {
      bands.push(s("g", { opacity: ((8 - b) / 9).toFixed(3) }));
      cells.appendChild(bands[b]);
    }
    var nx = 50, ny = 40, cw = (W - left - right) / nx, ch = (H - top - bottom) / ny;
    for (var i = 0; i < nx; i += 1) {
      for (var j = 0; j < ny; j += 1) {
        var mu = mu0 + (i + 0.5) * (mu1 - mu0) / nx;
        var sigma = s1 - (j + 0.5) * (s1 - s0) / ny;
        var band = Math.max(0, Math.floor(bestLog - logLikelihood(data, mu, sigma)));
        if (band < 8) {
          bands[band].appendChild(s("rect", { x: (left + i * cw).toFixed(2), y: (top + j * ch).toFixed(2), width: (cw + 0.4).toFixed(2), height: (ch + 0.4).toFixed(2) }));
        }
      }
    }
    svg.appendChild(cells);
    var axes = s("g", { class: "explorer-axes" });
    axes.appendChild(s("rect", { class: "explorer-frame", x: left, y: top, width: W - left - right, height: H - top - bottom }));
    [40, 45, 50, 55, 60, 65].forEach(function (m) {
      axes.appendChild(s("text", { x: X(m), y: Y(s0) + 16, "text-anchor": "middle", text: String(m) }));
    });
    [2, 4, 6, 8, 10, 12].forEach(function (v) {
      axes.appendChild(s("text", { x: X(mu0) - 6, y: Y(v) + 4, "text-anchor": "end", text: String(v) }));
    });
    axes.appendChild(s("text", { x: (X(mu0) + X(mu1)) / 2, y: H - 4, "text-anchor": "middle", text: "\u03bc" }));
    axes.appendChild(s("text", { x: 10, y: (Y(s0) + Y(s1)) / 2, "text-anchor": "middle", text: "\u03c3" }));
    svg.appendChild(axes);
    presets.forEach(function (preset) {
      var x = X(preset.mu), y = Y(preset.sigma);
      var isBest = preset.role === "preset-mle";
      svg.appendChild(isBest
        ? s("path", { class: "explorer-mle", d: "M" + (x - 6) + "," + (y - 6) + "L" + (x + 6) + "," + (y + 6) + "M" + (x - 6) + "," + (y + 6) + "L" + (x + 6) + "," + (y - 6) })
        : s("circle", { class: "explorer-datum", cx: x, cy: y, r: "3" }));
      svg.appendChild(s("text", { class: "explorer-map-label", x: x + 8, y: y - 6, text: isBest ? "MLE" : preset.label.charAt(0) }));
    });
    var marker = s("circle", { class: "explorer-point", r: "6" });
    svg.appendChild(marker);
    svg.addEventListener("click", function (event) {
      var box = svg.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width * W;
      var y = (event.clientY - box.top) / box.height * H;
      var mu = mu0 + (x - left) / (W - left - right) * (mu1 - mu0);
      var sigma = s0 + (1 - (y - top) / (H - top - bottom)) * (s1 - s0);
      if (mu >= mu0 && mu <= mu1 && sigma >= s0 && sigma <= s1) pick(Math.round(mu * 100) / 100, Math.round(sigma * 100) / 100);
    });
    return {
      svg: svg,
      update: function (mu, sigma) {
        marker.setAttribute("cx", X(mu));
        marker.setAttribute("cy", Y(sigma));
      },
    };
  }

  // ---------- start-up, and again after each instant navigation ----------

  var KINDS = { "nll-explorer": initNll, "likelihood-explorer": initLikelihood };

  function initAll() {
    Object.keys(KINDS).forEach(function (kind) {
      document.querySelectorAll(".explorer." + kind + ":not([data-ready])").forEach(function (root) {
        root.setAttribute("data-ready", "true");
        KINDS[kind](root);
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();

// Draws the charts of a scan results page from the JSON block the server put in the page.
// The same figures are in the tables next to each chart; hidden groups are never in the data.
(function () {
  'use strict';
  var source = document.getElementById('chart-data');
  if (!source || !window.echarts) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var blue = '#1f4e8c', orange = '#e8731a';
  var scale = ['#c0392b', '#e67e22', '#f0b429', '#7fb77e', '#2e8b57'];
  var charts = [];
  var lang = document.documentElement.lang || 'nl';
  function one(value) {
    return Number(value).toLocaleString(lang, {minimumFractionDigits: 1, maximumFractionDigits: 1});
  }

  // a long name over lines of at most `room` characters, broken between words
  function wrap(text, room) {
    var lines = [], line = '';
    String(text).split(' ').forEach(function (word) {
      if (line && (line + ' ' + word).length > room) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    });
    lines.push(line);
    return lines.join('\n');
  }

  // names beside the dots of the map: each goes right, left, above or below its dot, wherever it meets no name
  // placed before it (the company's first); a name that fits nowhere is left out, the table below lists them all
  function mapLabels() {
    var placed = [];
    return function (p) {
      if (p.dataIndex === 0) {
        placed = [];
      }
      var l = p.labelRect, d = p.rect, gap = 4;
      var options = [
        {x: d.x + d.width + gap, y: d.y + d.height / 2 - l.height / 2},
        {x: d.x - gap - l.width, y: d.y + d.height / 2 - l.height / 2},
        {x: d.x + d.width / 2 - l.width / 2, y: d.y - gap - l.height},
        {x: d.x + d.width / 2 - l.width / 2, y: d.y + d.height + gap}
      ];
      for (var i = 0; i < options.length; i++) {
        var o = options[i], r = {x: o.x, y: o.y, width: l.width, height: l.height};
        var free = placed.every(function (q) {
          return r.x + r.width < q.x || q.x + q.width < r.x || r.y + r.height < q.y || q.y + q.height < r.y;
        });
        if (free) {
          placed.push(r);
          return {x: r.x, y: r.y, align: 'left', verticalAlign: 'top'};
        }
      }
      // on top of another name: ECharts then leaves it out
      return {x: options[0].x, y: options[0].y, align: 'left', verticalAlign: 'top', hideOverlap: true};
    };
  }

  function place(name) {
    return document.querySelector('[data-chart="' + name + '"]');
  }

  function draw(name, option) {
    var element = place(name);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'svg'});
    option.animation = false;
    // the page's security policy forbids style attributes, so the font ECharts writes on each text is ignored and
    // the stylesheet draws every chart text at 11px sans-serif (meedenken.css): measure and lay out at that size
    option.textStyle = {fontFamily: 'sans-serif', fontSize: 11};
    chart.setOption(option);
    charts.push(chart);
  }

  (data.radars || []).forEach(function (radar) {
    var element = place('radar-' + radar.group);
    var narrow = element && element.clientWidth < 420;
    draw('radar-' + radar.group, {
      radar: {
        indicator: radar.names.map(function (n) { return {name: wrap(n, narrow ? 10 : 16), min: 1, max: 5}; }),
        radius: narrow ? '38%' : '55%', splitNumber: 4,
        axisName: {color: '#1e2833', fontSize: 11}
      },
      series: [{type: 'radar', data: [{value: radar.values, name: ''}],
        areaStyle: {color: 'rgba(31,78,140,0.2)'}, lineStyle: {color: blue}, itemStyle: {color: blue},
        label: {show: true, fontSize: 11, formatter: function (p) { return one(p.value); }}}]
    });
  });

  if (data.distribution && data.distribution.length) {
    var colours = ['#c0392b', '#e67e22', '#bdc3c7', '#5dade2', '#1f4e8c'];
    draw('distribution', {
      legend: {top: 0, left: 0, data: data.values, itemWidth: 14, textStyle: {fontSize: 11}},
      grid: {left: 10, right: 20, top: 60, bottom: 10, containLabel: true},
      xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%', fontSize: 11}},
      yAxis: {type: 'category', inverse: true, data: data.distribution.map(function (d) { return d.name; }),
        axisLabel: {fontSize: 11}},
      series: data.values.map(function (label, v) {
        return {name: label, type: 'bar', stack: 'all', itemStyle: {color: colours[v]}, barWidth: '60%',
          data: data.distribution.map(function (d) { return d.percentages[v]; })};
      })
    });
  }

  function heat(name, heatmap) {
    if (!heatmap || heatmap.columns.length === 0) {
      var element = place(name);
      if (element) {
        element.classList.add('d-none');
      }
      return;
    }
    draw(name, {
      grid: {left: 10, right: 30, top: 10, bottom: 10, containLabel: true},
      xAxis: {type: 'category', data: heatmap.columns, position: 'top', axisLabel: {interval: 0, rotate: 30, fontSize: 11}},
      yAxis: {type: 'category', data: heatmap.rows, inverse: true, axisLabel: {fontSize: 11}},
      visualMap: {min: 1, max: 5, show: false, inRange: {color: scale}},
      series: [{type: 'heatmap', data: heatmap.cells, label: {show: true, fontSize: 11,
        formatter: function (p) { return one(p.value[2]); }}}]
    });
  }
  heat('heat-departments', data.heatDepartments);
  heat('heat-roles', data.heatRoles);

  if (data.gap && data.gap.length) {
    draw('gap', {
      legend: {top: 0, left: 0, orient: 'vertical', data: [data.labels.management, data.labels.shopFloor]},
      grid: {left: 10, right: 30, top: 56, bottom: 10, containLabel: true},
      xAxis: {type: 'value', min: 1, max: 5, axisLabel: {fontSize: 11}},
      yAxis: {type: 'category', inverse: true, data: data.gap.map(function (g) { return g.name; }),
        axisLabel: {fontSize: 11}},
      series: [
        {name: data.labels.management, type: 'bar', itemStyle: {color: blue}, data: data.gap.map(function (g) { return g.management; })},
        {name: data.labels.shopFloor, type: 'bar', itemStyle: {color: orange}, data: data.gap.map(function (g) { return g.shopFloor; })}
      ]
    });
  }

  if (data.map && data.map.length) {
    data.map.sort(function (a, b) { return (b.company ? 1 : 0) - (a.company ? 1 : 0); });
    draw('map', {
      grid: {left: 40, right: 30, top: 20, bottom: 40},
      xAxis: {min: 1, max: 5, splitLine: {show: false}, axisLabel: {fontSize: 11}},
      yAxis: {min: 1, max: 5, splitLine: {show: false}, axisLabel: {fontSize: 11}},
      series: [{type: 'scatter', symbolSize: function (v, p) { return data.map[p.dataIndex].company ? 18 : 11; },
        data: data.map.map(function (p) { return {value: [p.x, p.y], name: p.name,
          itemStyle: {color: p.company ? orange : blue}}; }),
        label: {show: true, position: 'right', formatter: '{b}', fontSize: 11},
        // groups close together on the map: move their names apart instead of printing them over each other
        labelLayout: mapLabels(),
        markLine: {silent: true, symbol: 'none', lineStyle: {color: '#8a94a3', type: 'dashed'},
          data: [{xAxis: 3}, {yAxis: 3}]}}]
    });
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();

// Plain JS written the way TensorFlow Playground's src/nn.ts writes a
// network: an object graph of Node objects joined by Link objects, each
// node computing its total input from its input links, back-propagation
// walking the graph from the outputs, derivatives accumulated on every link
// and applied as weight -= eta * accErrorDer / numAccumulatedDers. Written
// for this benchmark in that style (not copied). Plain SGD, no momentum;
// for several outputs, softmax with cross-entropy (the derivative y - t at
// the output's total input), otherwise a linear output with squared error.
const TANH = { output: (x) => Math.tanh(x), der: (x) => { const t = Math.tanh(x); return 1 - t * t; } };
const LINEAR = { output: (x) => x, der: () => 1 };

class Node {
  constructor(id, activation) {
    this.id = id;
    this.activation = activation;
    this.inputLinks = [];
    this.outputs = [];
    this.bias = 0;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
  }

  updateOutput() {
    this.totalInput = this.bias;
    for (const link of this.inputLinks) this.totalInput += link.weight * link.source.output;
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.id = `${source.id}-${dest.id}`;
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

// Builds the graph with the initial weights w0 in simcore's flat order
// (per layer W row-major units x inputs, then the biases).
export function buildNetwork(sizes, w0) {
  const network = [];
  let off = 0;
  for (let l = 0; l < sizes.length; l++) {
    const act = l === sizes.length - 1 ? LINEAR : TANH;
    network.push(Array.from({ length: sizes[l] }, (_, j) => new Node(`${l}.${j}`, act)));
  }
  for (let l = 1; l < sizes.length; l++) {
    const prev = network[l - 1];
    for (const [j, node] of network[l].entries()) {
      for (const [i, src] of prev.entries()) {
        const link = new Link(src, node, w0[off + j * prev.length + i]);
        src.outputs.push(link);
        node.inputLinks.push(link);
      }
    }
    off += sizes[l] * prev.length;
    for (const node of network[l]) node.bias = w0[off++];
  }
  return network;
}

export function forwardProp(network, inputs) {
  const inputLayer = network[0];
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i].output = inputs[i];
  for (let l = 1; l < network.length; l++) for (const node of network[l]) node.updateOutput();
  return network[network.length - 1];
}

function softmaxOutputs(outputs) {
  let m = -Infinity;
  for (const n of outputs) m = Math.max(m, n.output);
  let s = 0;
  const p = outputs.map((n) => { const e = Math.exp(n.output - m); s += e; return e; });
  return p.map((e) => e / s);
}

// Loss of one sample (squared error 1/2 e^2, or cross-entropy after softmax).
export function sampleLoss(network, target) {
  const outputs = network[network.length - 1];
  if (outputs.length === 1) return 0.5 * (outputs[0].output - target[0]) ** 2;
  const p = softmaxOutputs(outputs);
  let l = 0;
  for (let k = 0; k < p.length; k++) if (target[k]) l -= target[k] * Math.log(p[k]);
  return l;
}

export function backProp(network, target) {
  const outputs = network[network.length - 1];
  if (outputs.length === 1) outputs[0].outputDer = outputs[0].output - target[0];
  else softmaxOutputs(outputs).forEach((p, k) => { outputs[k].outputDer = p - target[k]; });
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (const node of layer) {
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (const node of layer) {
      for (const link of node.inputLinks) {
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue;
    for (const node of network[l - 1]) {
      node.outputDer = 0;
      for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
    }
  }
}

export function updateWeights(network, learningRate) {
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l]) {
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (const link of node.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate / link.numAccumulatedDers) * link.accErrorDer;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

// The trainer the benchmark drives: epochs of batches in order, then the
// mean training loss (what simcore's train returns per epoch).
export function playgroundTrainer({ sizes, x, t, count, batch, eta }, w0) {
  const network = buildNetwork(sizes, w0);
  const nin = sizes[0], nout = sizes[sizes.length - 1];
  const xs = Array.from({ length: count }, (_, i) => Array.from(x.subarray(i * nin, (i + 1) * nin)));
  const ts = Array.from({ length: count }, (_, i) => Array.from(t.subarray(i * nout, (i + 1) * nout)));
  return {
    epochs(k) {
      let loss = 0;
      for (let e = 0; e < k; e++) {
        for (let i = 0; i < count; i++) {
          forwardProp(network, xs[i]);
          backProp(network, ts[i]);
          if ((i + 1) % batch === 0 || i === count - 1) updateWeights(network, eta);
        }
        loss = 0;
        for (let i = 0; i < count; i++) {
          forwardProp(network, xs[i]);
          loss += sampleLoss(network, ts[i]);
        }
      }
      return loss / count;
    },
    weights() {
      const w = [];
      for (let l = 1; l < network.length; l++) {
        for (const node of network[l]) for (const link of node.inputLinks) w.push(link.weight);
        for (const node of network[l]) w.push(node.bias);
      }
      return Float32Array.from(w);
    },
  };
}

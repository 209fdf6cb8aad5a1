// The page side of the three.js frame bench: loads a .glb, frames it like
// friche's OrbitCamera::frame, lights it like friche's default frame (a sun
// with three cascaded 2048² shadow maps, a sky as background and as
// environment light, a ground disc under the model, PBR Neutral tone
// mapping, sRGB output, 4x MSAA), then times renderer.render() + a 1-pixel
// readPixels (which waits for the frame to complete) over a moving camera.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { Sky } from 'three/addons/objects/Sky.js';
import { CSM } from 'three/addons/csm/CSM.js';

const kWidth = 1920, kHeight = 1080, kAspect = kWidth / kHeight;
// friche's OrbitCamera defaults (engine/scene/orbit_camera.h).
const kYaw = 0.6, kPitch = -0.35, kFovY = 0.8;
// friche's ground disc (engine/scene/depth_range.*): 3 half-diagonals wide,
// 2e-3 half-diagonals under the model.
const kGroundReach = 3.0, kGroundDrop = 2e-3;
// friche's default sun (Liège, 21 June, 15:00 local): elevation about 55°,
// azimuth about 215°, with -Z north and +X east. Unit vector towards the sun.
const kToSun = (() => {
  const el = THREE.MathUtils.degToRad(55), az = THREE.MathUtils.degToRad(215);
  return new THREE.Vector3(Math.sin(az) * Math.cos(el), Math.sin(el), -Math.cos(az) * Math.cos(el)).normalize();
})();

function viewDirection(yaw, pitch) {
  return new THREE.Vector3(Math.cos(pitch) * Math.sin(yaw), Math.sin(pitch), -Math.cos(pitch) * Math.cos(yaw));
}

// OrbitCamera::frame: the distance that fits the box's eight corners, with 8 % margin.
function frameDistance(box, yaw, pitch) {
  const target = box.getCenter(new THREE.Vector3());
  const look = new THREE.Matrix4().lookAt(new THREE.Vector3(), viewDirection(yaw, pitch), new THREE.Vector3(0, 1, 0));
  // three's lookAt(eye, target) makes a camera matrix (columns = axes);
  // glm::lookAt's rotation is its transpose.
  const toView = new THREE.Matrix4().extractRotation(look).transpose();
  const tanY = Math.tan(0.5 * kFovY), tanX = tanY * kAspect;
  let fit = 1e-4;
  for (let i = 0; i < 8; ++i) {
    const c = new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z);
    const v = c.sub(target).applyMatrix4(toView);
    fit = Math.max(fit, Math.abs(v.x) / tanX + v.z, Math.abs(v.y) / tanY + v.z);
  }
  return { target, distance: fit * 1.08 };
}

function stats(root) {
  let nodes = 0, triangles = 0;
  root.traverse((o) => {
    if (o !== root) ++nodes;
    if (o.isMesh) {
      const g = o.geometry;
      const n = g.index ? g.index.count : g.attributes.position.count;
      triangles += Math.floor(n / 3) * (o.isInstancedMesh ? o.count : 1);
    }
  });
  return { nodes, triangles };
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function runBench({ model, frames = 20, warmup = 3 }) {
  const renderer = new THREE.WebGLRenderer({ antialias: true, powerPreference: 'high-performance' });
  renderer.setPixelRatio(1);
  renderer.setSize(kWidth, kHeight);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.toneMapping = THREE.NeutralToneMapping;
  renderer.toneMappingExposure = 0.35;
  renderer.shadowMap.enabled = true;
  renderer.shadowMap.type = THREE.PCFShadowMap;  // r187 removed PCFSoftShadowMap (it fell back to this)
  document.body.appendChild(renderer.domElement);
  const gl = renderer.getContext();
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const rendererName = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);

  const gltf = await new GLTFLoader().loadAsync(model);
  const root = gltf.scene;
  root.updateMatrixWorld(true);
  const box = new THREE.Box3().setFromObject(root);
  const half = Math.max(box.getSize(new THREE.Vector3()).length() * 0.5, 1e-4);
  const { target, distance } = frameDistance(box, kYaw, kPitch);

  const scene = new THREE.Scene();
  scene.add(root);

  // The sky: background, and (baked once through PMREM) the environment light.
  const sky = new Sky();
  const skyUniforms = sky.material.uniforms;
  skyUniforms.turbidity.value = 2.5;
  skyUniforms.sunPosition.value.copy(kToSun);
  const envScene = new THREE.Scene();
  const envSky = new Sky();
  envSky.material.uniforms.turbidity.value = 2.5;
  envSky.material.uniforms.sunPosition.value.copy(kToSun);
  envSky.scale.setScalar(10);
  envScene.add(envSky);
  const pmrem = new THREE.PMREMGenerator(renderer);
  scene.environment = pmrem.fromScene(envScene).texture;
  scene.environmentIntensity = 0.3;
  sky.scale.setScalar((distance + kGroundReach * half) * 2.5);
  sky.position.copy(target);
  scene.add(sky);

  // The ground disc.
  const ground = new THREE.Mesh(new THREE.CircleGeometry(kGroundReach * half, 96),
                                new THREE.MeshStandardMaterial({ color: 0x8a8a80, roughness: 0.95 }));
  ground.rotation.x = -Math.PI / 2;
  ground.position.set(target.x, box.min.y - half * kGroundDrop, target.z);
  ground.receiveShadow = true;
  scene.add(ground);

  // The camera, its depth range fixed to what the orbit ever sees.
  const far = distance + half + kGroundReach * half * 1.01;
  const near = Math.max(distance - half, far * 1e-4) * 0.5;
  const camera = new THREE.PerspectiveCamera(THREE.MathUtils.radToDeg(kFovY), kAspect, near, far);

  // The sun: three cascades of 2048² (friche: up to three, fewer when the
  // depth range is short).
  const csm = new CSM({
    camera, parent: scene, cascades: 3, shadowMapSize: 2048, maxFar: far,
    lightDirection: kToSun.clone().negate(), lightIntensity: 3,
    lightNear: half * 1e-3, lightFar: half * 8, lightMargin: half * 2, shadowBias: -1e-4,
  });
  const materials = new Set();
  root.traverse((o) => {
    if (!o.isMesh) return;
    o.castShadow = o.receiveShadow = true;
    for (const m of Array.isArray(o.material) ? o.material : [o.material]) materials.add(m);
  });
  materials.add(ground.material);
  for (const m of materials) csm.setupMaterial(m);

  let yaw = kYaw;
  const place = () => {
    yaw += 0.01;  // as friche's bench: a moving camera, no frame the same as the last
    camera.position.copy(target).addScaledVector(viewDirection(yaw, kPitch), -distance);
    camera.lookAt(target);
    camera.updateMatrixWorld();
    csm.update();
  };
  const pixel = new Uint8Array(4);
  const frame = () => {
    place();
    const start = performance.now();
    renderer.render(scene, camera);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);  // waits for the frame
    return performance.now() - start;
  };

  const result = { renderer: rendererName, ...stats(root), near, far, three: THREE.REVISION };
  for (const shadows of [true, false]) {
    renderer.shadowMap.enabled = shadows;
    for (const l of csm.lights) l.castShadow = shadows;
    for (const m of materials) m.needsUpdate = true;  // shadows on or off change the shaders
    for (let i = 0; i < warmup; ++i) frame();  // the first compiles
    const ms = [];
    for (let i = 0; i < frames; ++i) ms.push(frame());
    result[shadows ? 'shadows' : 'noShadows'] = { median: median(ms), best: Math.min(...ms), frames, calls: renderer.info.render.calls };
    if (shadows) result.shadowedPixel = Array.from(pixel);
  }
  // Leave a shadowed frame on the canvas for a screenshot.
  renderer.shadowMap.enabled = true;
  for (const l of csm.lights) l.castShadow = true;
  for (const m of materials) m.needsUpdate = true;
  frame();
  return result;
}

window.runBench = runBench;
window.benchReady = true;
